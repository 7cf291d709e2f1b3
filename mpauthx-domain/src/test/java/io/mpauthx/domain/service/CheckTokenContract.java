package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.BrokenTokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract's isTokenValid and the parsing calls, on the stores under test. */
public abstract class CheckTokenContract extends UseCasesFixture {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a.b", "a.b.c", "a.b.c.d", "\u0000", "用户.shop.secret", "%00.shop.x"})
    void malformedTokensAreInvalidWithoutException(String token) {
        assertThat(valid(token)).isFalse();
        assertThat(useCases.checkTokens().isTokenValidAsync(token).toCompletableFuture().join()).isFalse();
        assertThat(useCases.checkTokens().extractUserId(token)).isEmpty();
        assertThat(useCases.checkTokens().extractSku(token)).isEmpty();
        assertThat(useCases.checkTokens().tokenId(token)).isEmpty();
        assertThat(useCases.manageTokens().revokeToken(token)).isFalse();
    }

    @Test
    void overLongTokenIsInvalid() {
        String token = codeOnlyLogin(uniqueId("o"), null).response();
        assertThat(valid(token + "x".repeat(10_000))).isFalse();
    }

    @Test
    void tokenOfAnotherSkuIsInvalidHere() {
        String openId = uniqueId("o");
        String token = codeOnlyLogin(openId, null).response();
        UseCases otherSku = wire(new AuthSettings(APP_ID, Sku.of("blog"), TTL, 10), tokenStore);

        assertThat(otherSku.checkTokens().isTokenValid(token)).isFalse();
        assertThat(otherSku.checkTokens().tokenId(token)).isEmpty();
        assertThat(otherSku.manageTokens().revokeToken(token)).isFalse();
        assertThat(otherSku.manageTokens().activeTokens(openId)).isEmpty();
        assertThat(valid(token)).isTrue();
    }

    @Test
    void forgedTokensAreInvalid() {
        String victim = uniqueId("o");
        AccessToken real = AccessToken.parse(codeOnlyLogin(victim, null).response()).orElseThrow();
        String attacker = uniqueId("o");
        codeOnlyLogin(attacker, null);

        assertThat(valid(attacker + "." + SKU + "." + real.secret())).isFalse();
        assertThat(valid(victim + "." + SKU + "." + flipCase(real.secret()))).isFalse();
        assertThat(valid(real.value().substring(0, real.value().length() - 1))).isFalse();
        assertThat(valid(real.value())).isTrue();
    }

    private static String flipCase(String text) {
        StringBuilder flipped = new StringBuilder();
        text.chars().forEach(c -> flipped.append((char) (Character.isUpperCase(c)
                ? Character.toLowerCase(c) : Character.toUpperCase(c))));
        return flipped.toString();
    }

    @Test
    void expiredTokenIsInvalid() {
        useCases = wire(settings(Duration.ofMillis(300), 10), tokenStore);
        String token = codeOnlyLogin(uniqueId("o"), null).response();

        Await.until(Duration.ofSeconds(10), () -> !valid(token), "token expires");
    }

    @Test
    void failingTokenStoreIsAnErrorNotAnInvalidToken() {
        String token = codeOnlyLogin(uniqueId("o"), null).response();
        UseCases broken = wire(settings(TTL, 10), new BrokenTokenStore());

        assertThatThrownBy(() -> broken.checkTokens().isTokenValid(token))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(503);
                });
        assertThat(broken.checkTokens().isTokenValidAsync(token).toCompletableFuture())
                .isCompletedExceptionally();
    }

    @Test
    void extractReadsTheTokenWithoutIo() {
        String openId = uniqueId("o");
        String token = codeOnlyLogin(openId, null).response();
        UseCases storeless = wire(settings(TTL, 10), new BrokenTokenStore());

        assertThat(storeless.checkTokens().extractUserId(token)).contains(openId);
        assertThat(storeless.checkTokens().extractSku(token)).contains(SKU);
        assertThat(storeless.checkTokens().tokenId(token)).isPresent();
    }

    @Test
    void theTokenIdIsTheIdTheListingShows() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        assertThat(useCases.manageTokens().activeTokens(openId)).extracting(info -> info.id())
                .containsExactly(useCases.checkTokens().tokenId(phone).orElseThrow(),
                        useCases.checkTokens().tokenId(tablet).orElseThrow());
        assertThat(useCases.checkTokens().tokenId(phone).orElseThrow()).hasSize(12).isSubstringOf(
                AccessToken.parse(phone).orElseThrow().hash().value());
    }
}
