package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.AccessToken;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Tokens an attacker could make from real ones: another user's id or another sku around a valid secret, the
 * secret's case flipped, one character cut, changed or added, padding and encodings around it.
 */
final class Forgeries {

    private static final List<BiFunction<AccessToken, Forgery, String>> FORGERIES = List.of(
            (token, f) -> f.user() + "." + token.owner().sku() + "." + token.secret(),
            (token, f) -> token.owner().userId() + "." + f.sku() + "." + token.secret(),
            (token, f) -> token.owner().userId() + "." + token.owner().sku() + "." + flipCase(token.secret()),
            (token, f) -> token.owner().userId() + "." + token.owner().sku() + "." + flipCaseAt(token.secret(), f.position()),
            (token, f) -> token.value().substring(0, token.value().length() - 1),
            (token, f) -> token.value().substring(1),
            (token, f) -> replaceAt(token.value(), f.position(), f.character()),
            (token, f) -> token.value() + f.character(),
            (token, f) -> f.character() + token.value(),
            (token, f) -> token.value().replace('.', f.character()),
            (token, f) -> token.value().replace("-", "+").replace("_", "/"),
            (token, f) -> token.value().replace(".", "%2E"),
            (token, f) -> token.owner().userId() + "." + token.owner().sku() + "." + token.secret() + "=",
            (token, f) -> token.owner().userId() + ".." + token.owner().sku() + "." + token.secret(),
            (token, f) -> token.value() + "." + token.secret(),
            (token, f) -> token.value());

    private Forgeries() {
    }

    /**
     * @param tokens real tokens to forge from
     * @param users user ids to put around their secrets
     * @param skus skus to put around their secrets
     * @return forgeries; the last kind is the real token itself, as an attacker replaying it
     */
    static Gen<String> of(List<String> tokens, List<String> users, List<String> skus) {
        Gen<Forgery> forgery = Generate.pick(users).zip(Generate.pick(skus),
                Generate.range(0, AccessToken.SECRET_LENGTH - 1),
                Generate.pick(List.of('a', 'Z', '0', '-', '_', '.', ' ', '\u0000', '%', '|', '=')),
                Forgery::new);
        Gen<AccessToken> real = Generate.pick(tokens).map(token -> AccessToken.parse(token).orElseThrow());
        return real.zip(Generate.pick(FORGERIES), forgery, (token, forge, details) -> forge.apply(token, details));
    }

    private static String flipCase(String text) {
        StringBuilder flipped = new StringBuilder(text.length());
        text.chars().forEach(c -> flipped.append(flip((char) c)));
        return flipped.toString();
    }

    private static String flipCaseAt(String text, int position) {
        return replaceAt(text, position % text.length(), flip(text.charAt(position % text.length())));
    }

    private static char flip(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private static String replaceAt(String text, int position, char replacement) {
        int at = position % text.length();
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    /** The details one forgery draws on. */
    private record Forgery(String user, String sku, int position, char character) {
    }
}
