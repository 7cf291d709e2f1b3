package io.mpauthx.domain.testing;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenOwner;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import io.mpauthx.domain.UserId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The strings any argument must survive, as one QuickTheories generator shared by every module's
 * properties: empty and whitespace, any UTF-16 (lone surrogates included), NUL, the token separator and SQL
 * metacharacters, SQL injections, base64 fragments, well-formed tokens of made-up users and skus, and 100 kB blobs.
 */
public final class HostileStrings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_ALPHABET = "abcXYZ019_-";
    private static final List<String> SPECIMENS = List.of("", " ", "\t", "\r\n", "\u3000", "\u00a0",
            "\u0000", "a\u0000b", "|", ".", "..", "%", "%00", "%2e", "_", "\uD800", "a\uDC00b", "\uDBFF\uDBFF",
            "' OR '1'='1", "'); DROP TABLE user; --", "\" OR \"\"=\"", "1; SELECT * FROM user", "\\",
            "null", "undefined", "{}", "[]", "{\"openid\":\"x\"}", "\uFEFF", "\uD83D\uDE00", "\u5FAE\u4FE1");
    private static final List<Function<byte[], String>> BASE64_ENCODINGS = List.of(
            Base64.getEncoder()::encodeToString,
            Base64.getUrlEncoder().withoutPadding()::encodeToString,
            Base64.getMimeEncoder()::encodeToString);

    private HostileStrings() {
    }

    /** @return any of the hostile kinds, each often enough to be met in a few hundred tries; 100 kB ones rarely */
    public static Gen<String> any() {
        return Generate.frequency(
                Pair.of(3, Generate.pick(SPECIMENS)),
                Pair.of(2, whitespace()),
                Pair.of(4, GeneratedStrings.anyUtf16(200)),
                Pair.of(3, GeneratedStrings.from("aZ09_-.|%'\";\u0000 \uD800\uDFFF", 0, 200)),
                Pair.of(3, base64Fragments()),
                Pair.of(3, tokensOfMadeUpOwners()),
                Pair.of(3, nearlyTokens()),
                Pair.of(1, huge()));
    }

    /** @return blank strings: empty, spaces, tabs, line breaks, the ideographic and no-break spaces */
    public static Gen<String> whitespace() {
        return GeneratedStrings.from(" \t\r\n\u3000\u00a0\u2028", 0, 20);
    }

    /** @return base64 and base64url text, with and without padding, of random bytes; some of exactly 16 bytes */
    public static Gen<String> base64Fragments() {
        Gen<Byte> anyByte = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
        Gen<byte[]> bytes = Generate.byteArrays(Generate.range(0, 80), anyByte);
        Gen<byte[]> blocks = Generate.byteArrays(Generate.constant(16), anyByte);
        Gen<String> encoded = Generate.oneOf(bytes, blocks)
                .zip(Generate.pick(BASE64_ENCODINGS), (raw, encoding) -> encoding.apply(raw));
        return Generate.oneOf(encoded, GeneratedStrings.from("AZaz09+/=-_", 0, 64));
    }

    /** @return well-formed tokens, fresh secrets included, of users and skus nobody issued them for */
    public static Gen<String> tokensOfMadeUpOwners() {
        return GeneratedStrings.from(TOKEN_ALPHABET, 1, 64).zip(GeneratedStrings.from(TOKEN_ALPHABET, 1, 128),
                (sku, userId) -> AccessToken.generate(new TokenOwner(Sku.of(sku), UserId.of(userId)), RANDOM).value());
    }

    /** @return three dot-separated parts that are almost a token: wrong lengths, characters or separators */
    public static Gen<String> nearlyTokens() {
        return GeneratedStrings.from("ab_-.%", 0, 130).zip(
                GeneratedStrings.from("shop.|", 0, 66),
                GeneratedStrings.from("AZaz09-_=+/.", 40, 46),
                (user, sku, secret) -> user + "." + sku + "." + secret);
    }

    /** @return strings up to 100 kB, of token characters and separators */
    public static Gen<String> huge() {
        return GeneratedStrings.longFrom("a.Z_", 1_000, 100_000);
    }
}
