package io.mpauthx.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenOwner OWNER = new TokenOwner(Sku.of("shop"), UserId.of("oAbc_123-XYZ"));

    @Test
    void generatedTokenRoundTripsThroughParsing() {
        AccessToken token = AccessToken.generate(OWNER, RANDOM);

        assertThat(token.value()).matches("oAbc_123-XYZ\\.shop\\.[A-Za-z0-9_-]{43}");
        assertThat(AccessToken.parse(token.value())).contains(token);
        assertThat(token.owner()).isEqualTo(OWNER);
    }

    @Test
    void tenThousandTokensAreDistinctAndAllParse() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String value = AccessToken.generate(OWNER, RANDOM).value();
            assertThat(AccessToken.parse(value)).isPresent();
            seen.add(value);
        }
        assertThat(seen).hasSize(10_000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            ".", "..", "...", "a..", ".b.", "a.b.", "user.shop.tooShortSecret",
            "user.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra",
            "user|x.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "用户.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "user.sh op.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "user.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "user%00.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "user\u0000.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedInputParsesToEmpty(String input) {
        assertThat(AccessToken.parse(input)).isEmpty();
    }

    @Test
    void overLongInputParsesToEmpty() {
        assertThat(AccessToken.parse("a".repeat(10_240))).isEmpty();
        String userId = "u".repeat(129);
        assertThat(AccessToken.parse(userId + ".shop." + "A".repeat(43))).isEmpty();
    }

    @Test
    void longestIdsStillMakeAValidToken() {
        TokenOwner longest = new TokenOwner(Sku.of("s".repeat(64)), UserId.of("u".repeat(128)));
        AccessToken token = AccessToken.generate(longest, RANDOM);
        assertThat(token.value()).hasSize(AccessToken.MAX_LENGTH);
        assertThat(AccessToken.parse(token.value())).contains(token);
    }

    @Test
    void hashIsStableAndHidesTheSecret() {
        AccessToken token = AccessToken.generate(OWNER, RANDOM);

        assertThat(token.hash()).isEqualTo(AccessToken.parse(token.value()).orElseThrow().hash());
        assertThat(token.hash().value()).hasSize(TokenHash.LENGTH).doesNotContain(token.secret());
        assertThat(token.hash().id().value()).hasSize(TokenId.LENGTH);
        assertThat(token.hash().id().names(token.hash())).isTrue();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        AccessToken token = AccessToken.generate(OWNER, RANDOM);
        assertThat(token.toString()).doesNotContain(token.secret()).contains("redacted");
        StoredToken stored = new StoredToken(token.hash(), Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                Optional.empty());
        assertThat(AuthResult.success(token, stored).toString()).doesNotContain(token.secret());
    }
}
