package io.mpauthx.domain;

import io.mpauthx.domain.testing.GeneratedStrings;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.security.SecureRandom;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** The token format under arbitrary input: parsing never throws, and only well-formed tokens parse. */
class AccessTokenProperties {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void parsingAnyStringNeverThrowsAndRoundTripsWhatItAccepts() {
        qt().withExamples(10_000).forAll(hostileStrings()).checkAssert(input -> {
            Optional<AccessToken> parsed = AccessToken.parse(input);

            parsed.ifPresent(token -> {
                assertThat(token.value()).isEqualTo(input);
                assertThat(Identifiers.isValidUserId(token.owner().userId().value())).isTrue();
                assertThat(Identifiers.isValidSku(token.owner().sku().value())).isTrue();
            });
        });
    }

    @Test
    void everyGeneratedTokenParsesBackToItself() {
        qt().withExamples(10_000).forAll(owners()).checkAssert(owner -> {
            AccessToken token = AccessToken.generate(owner, RANDOM);

            assertThat(AccessToken.parse(token.value())).contains(token);
            assertThat(token.value()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        });
    }

    @Test
    void anyOneCharacterChangeOfTheSecretChangesTheHash() {
        qt().withExamples(10_000).forAll(owners(), secretPositions()).checkAssert((owner, position) -> {
            AccessToken token = AccessToken.generate(owner, RANDOM);
            char original = token.secret().charAt(position);
            char replacement = original == 'a' ? 'b' : 'a';
            String tampered = token.secret().substring(0, position) + replacement
                    + token.secret().substring(position + 1);

            assertThat(TokenHash.ofSecret(tampered)).isNotEqualTo(token.hash());
        });
    }

    private static Gen<String> hostileStrings() {
        Gen<String> nearlyTokens = GeneratedStrings.from("ab_-.", 0, 130).zip(
                GeneratedStrings.from("sk.", 0, 66),
                GeneratedStrings.from("AZaz09-_=+/.", 40, 46),
                (user, sku, secret) -> user + "." + sku + "." + secret);
        return Generate.frequency(
                Pair.of(4, GeneratedStrings.anyUtf16(300)),
                Pair.of(3, GeneratedStrings.from("aZ09_-.|%\u0000 ", 0, 260)),
                Pair.of(4, nearlyTokens),
                Pair.of(1, GeneratedStrings.longFrom("a.", 1_000, 100_000)));
    }

    private static Gen<TokenOwner> owners() {
        return GeneratedStrings.from("shopSHOP42_-", 1, 64)
                .zip(GeneratedStrings.from("abcXYZ019_-", 1, 128), (sku, userId) -> new TokenOwner(Sku.of(sku),
                        UserId.of(userId)));
    }

    private static Gen<Integer> secretPositions() {
        return Generate.range(0, AccessToken.SECRET_LENGTH - 1);
    }
}
