package io.mpauthx.adapter.wechat;

import com.google.gson.Gson;
import io.mpauthx.domain.testing.HostileStrings;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON a server could answer: objects whose fields are the expected ones with values of every JSON type (the
 * right type too, so that some answers are accepted), plus broken and non-JSON text.
 */
final class ArbitraryJson {

    private static final Gson GSON = new Gson();

    private ArbitraryJson() {
    }

    /**
     * @param fields the names the reader looks for; unknown names are mixed in
     * @param plausible values of the right shape for those fields, so that valid answers occur too
     * @return JSON objects, truncated JSON and other text
     */
    static Gen<String> answers(List<String> fields, Gen<String> plausible) {
        Gen<String> names = Generate.frequency(Pair.of(6, Generate.pick(fields)),
                Pair.of(1, Generate.pick(List.of("errcode", "errmsg", "", "__proto__", "openid "))));
        Gen<String> member = names.zip(values(plausible), (name, value) -> GSON.toJson(name) + ":" + value);
        Gen<String> objects = SourceDSL.lists().of(member).ofSizeBetween(0, fields.size() + 2)
                .map(members -> members.stream().collect(Collectors.joining(",", "{", "}")));
        Gen<String> truncated = objects.zip(Generate.range(0, 1_000),
                (json, cut) -> json.substring(0, Math.min(cut, json.length())));
        return Generate.frequency(Pair.of(6, objects), Pair.of(1, truncated),
                Pair.of(1, values(plausible)), Pair.of(1, HostileStrings.any()));
    }

    private static Gen<String> values(Gen<String> plausible) {
        Gen<String> strings = Generate.oneOf(plausible, HostileStrings.any()).map(text -> GSON.toJson(text));
        Gen<String> numbers = Generate.pick(List.of("0", "-1", "40029", "45011", "1.5", "1e400", "-0",
                "99999999999999999999", "40029.0", "\"40029\""));
        Gen<String> others = Generate.pick(List.of("null", "true", "false", "{}", "[]", "[1,2]", "{\"a\":{}}"));
        return Generate.frequency(Pair.of(5, strings), Pair.of(2, numbers), Pair.of(2, others));
    }
}
