package io.mpauthx.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.security.SecureRandom;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The token format under arbitrary input: parsing never throws, and only well-formed tokens parse. */
class AccessTokenProperties {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Property(tries = 10_000)
    void parsingAnyStringNeverThrowsAndRoundTripsWhatItAccepts(@ForAll("hostileStrings") String input) {
        Optional<AccessToken> parsed = AccessToken.parse(input);

        parsed.ifPresent(token -> {
            assertThat(token.value()).isEqualTo(input);
            assertThat(Identifiers.isValidUserId(token.userId())).isTrue();
            assertThat(Identifiers.isValidSku(token.sku())).isTrue();
        });
    }

    @Property(tries = 10_000)
    void everyGeneratedTokenParsesBackToItself(@ForAll("owners") TokenOwner owner) {
        AccessToken token = AccessToken.generate(owner, RANDOM);

        assertThat(AccessToken.parse(token.value())).contains(token);
        assertThat(token.value()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Property(tries = 10_000)
    void anyOneCharacterChangeOfTheSecretChangesTheHash(@ForAll("owners") TokenOwner owner,
                                                        @ForAll("secretPositions") int position) {
        AccessToken token = AccessToken.generate(owner, RANDOM);
        char original = token.secret().charAt(position);
        char replacement = original == 'a' ? 'b' : 'a';
        String tampered = token.secret().substring(0, position) + replacement + token.secret().substring(position + 1);

        assertThat(TokenHash.ofSecret(tampered)).isNotEqualTo(token.hash());
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> tokenAlphabet = Arbitraries.strings().withChars("aZ09_-.|%\u0000 ").ofMaxLength(260);
        Arbitrary<String> nearlyTokens = Combinators.combine(
                Arbitraries.strings().withChars("ab_-.").ofMinLength(0).ofMaxLength(130),
                Arbitraries.strings().withChars("sk.").ofMinLength(0).ofMaxLength(66),
                Arbitraries.strings().withChars("AZaz09-_=+/.").ofMinLength(40).ofMaxLength(46))
                .as((user, sku, secret) -> user + "." + sku + "." + secret);
        Arbitrary<String> huge = Arbitraries.strings().withChars("a.").ofMinLength(1_000).ofMaxLength(100_000);
        return Arbitraries.frequencyOf(
                Tuple.of(4, anyUnicode), Tuple.of(3, tokenAlphabet),
                Tuple.of(4, nearlyTokens), Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<TokenOwner> owners() {
        Arbitrary<String> userIds = Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(128);
        Arbitrary<String> skus = Arbitraries.strings().withChars("shopSHOP42_-").ofMinLength(1).ofMaxLength(64);
        return Combinators.combine(skus, userIds).as(TokenOwner::new);
    }

    @Provide
    Arbitrary<Integer> secretPositions() {
        return Arbitraries.integers().between(0, AccessToken.SECRET_LENGTH - 1);
    }
}
