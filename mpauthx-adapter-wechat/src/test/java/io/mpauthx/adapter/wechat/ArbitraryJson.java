package io.mpauthx.adapter.wechat;

import com.google.gson.Gson;
import io.mpauthx.domain.testing.HostileStrings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

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
    static Arbitrary<String> answers(List<String> fields, Arbitrary<String> plausible) {
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(fields)),
                Tuple.of(1, Arbitraries.of("errcode", "errmsg", "", "__proto__", "openid ")));
        Arbitrary<String> member = Combinators.combine(names, values(plausible))
                .as((name, value) -> GSON.toJson(name) + ":" + value);
        Arbitrary<String> objects = member.list().ofMaxSize(fields.size() + 2)
                .map(members -> members.stream().collect(Collectors.joining(",", "{", "}")));
        Arbitrary<String> truncated = Combinators.combine(objects, Arbitraries.integers().between(0, 1_000))
                .as((json, cut) -> json.substring(0, Math.min(cut, json.length())));
        return Arbitraries.frequencyOf(Tuple.of(6, objects), Tuple.of(1, truncated),
                Tuple.of(1, values(plausible)), Tuple.of(1, HostileStrings.any()));
    }

    private static Arbitrary<String> values(Arbitrary<String> plausible) {
        Arbitrary<String> strings = Arbitraries.oneOf(plausible, HostileStrings.any()).map(GSON::toJson);
        Arbitrary<String> numbers = Arbitraries.of("0", "-1", "40029", "45011", "1.5", "1e400", "-0",
                "99999999999999999999", "40029.0", "\"40029\"");
        Arbitrary<String> others = Arbitraries.of("null", "true", "false", "{}", "[]", "[1,2]", "{\"a\":{}}");
        return Arbitraries.frequencyOf(Tuple.of(5, strings), Tuple.of(2, numbers), Tuple.of(2, others));
    }
}
