package io.mpauthx.domain.testing;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.TokenOwner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The strings SPEC §8 says any argument must survive, as one jqwik generator shared by every module's properties:
 * empty and whitespace, any UTF-16 (lone surrogates included), NUL, the token separator and SQL metacharacters,
 * SQL injections, base64 fragments, well-formed tokens of made-up users and skus, and 100 kB blobs.
 */
public final class HostileStrings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_ALPHABET = "abcXYZ019_-";
    private static final List<String> SPECIMENS = List.of("", " ", "\t", "\r\n", "\u3000", "\u00a0",
            "\u0000", "a\u0000b", "|", ".", "..", "%", "%00", "%2e", "_", "\uD800", "a\uDC00b", "\uDBFF\uDBFF",
            "' OR '1'='1", "'); DROP TABLE user; --", "\" OR \"\"=\"", "1; SELECT * FROM user", "\\",
            "null", "undefined", "{}", "[]", "{\"openid\":\"x\"}", "\uFEFF", "\uD83D\uDE00", "\u5FAE\u4FE1");

    private HostileStrings() {
    }

    /** @return any of the hostile kinds, each often enough to be met in a few hundred tries; 100 kB ones rarely */
    public static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SPECIMENS)),
                Tuple.of(2, whitespace()),
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(3, Arbitraries.strings().withChars("aZ09_-.|%'\";\u0000 \uD800\uDFFF").ofMaxLength(200)),
                Tuple.of(3, base64Fragments()),
                Tuple.of(3, tokensOfMadeUpOwners()),
                Tuple.of(3, nearlyTokens()),
                Tuple.of(1, huge()));
    }

    /** @return blank strings: empty, spaces, tabs, line breaks, the ideographic and no-break spaces */
    public static Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(" \t\r\n\u3000\u00a0\u2028").ofMaxLength(20);
    }

    /** @return base64 and base64url text, with and without padding, of random bytes; some of exactly 16 bytes */
    public static Arbitrary<String> base64Fragments() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> blocks = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<String> encoded = Arbitraries.oneOf(bytes, blocks).flatMap(raw -> Arbitraries.of(
                Base64.getEncoder().encodeToString(raw),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                Base64.getMimeEncoder().encodeToString(raw)));
        return Arbitraries.oneOf(encoded, Arbitraries.strings().withChars("AZaz09+/=-_").ofMaxLength(64));
    }

    /** @return well-formed tokens, fresh secrets included, of users and skus nobody issued them for */
    public static Arbitrary<String> tokensOfMadeUpOwners() {
        Arbitrary<String> userIds = Arbitraries.strings().withChars(TOKEN_ALPHABET).ofMinLength(1).ofMaxLength(128);
        Arbitrary<String> skus = Arbitraries.strings().withChars(TOKEN_ALPHABET).ofMinLength(1).ofMaxLength(64);
        return Combinators.combine(skus, userIds)
                .as((sku, userId) -> AccessToken.generate(new TokenOwner(sku, userId), RANDOM).value());
    }

    /** @return three dot-separated parts that are almost a token: wrong lengths, characters or separators */
    public static Arbitrary<String> nearlyTokens() {
        return Combinators.combine(
                        Arbitraries.strings().withChars("ab_-.%").ofMaxLength(130),
                        Arbitraries.strings().withChars("shop.|").ofMaxLength(66),
                        Arbitraries.strings().withChars("AZaz09-_=+/.").ofMinLength(40).ofMaxLength(46))
                .as((user, sku, secret) -> user + "." + sku + "." + secret);
    }

    /** @return strings up to 100 kB, of token characters and separators */
    public static Arbitrary<String> huge() {
        return Arbitraries.strings().withChars("a.Z_").ofMinLength(1_000).ofMaxLength(100_000);
    }
}
