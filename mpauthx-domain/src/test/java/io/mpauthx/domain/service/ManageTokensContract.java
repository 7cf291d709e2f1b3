package io.mpauthx.domain.service;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract's refreshToken, revoke*, activeTokens and the device management of 0.2, on the stores under test. */
public abstract class ManageTokensContract extends UseCasesFixture {

    @Test
    void eachLoginIsAnotherDeviceUpToTheCap() {
        useCases = wire(settings(TTL, 2), tokenStore);
        String openId = uniqueId("o");
        String first = codeOnlyLogin(openId, null).response();
        String second = codeOnlyLogin(openId, null).response();
        assertThat(valid(first)).isTrue();
        assertThat(valid(second)).isTrue();

        String third = codeOnlyLogin(openId, null).response();

        assertThat(valid(first)).isFalse();
        assertThat(valid(second)).isTrue();
        assertThat(valid(third)).isTrue();
    }

    @Test
    void refreshRevokesEveryTokenOfTheUserAndIssuesOne() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        AuthResult refreshed = useCases.manageTokens().refreshToken(openId);

        assertThat(refreshed.statusCode()).isEqualTo(1);
        assertThat(refreshed.userId()).isEqualTo(openId);
        assertThat(valid(phone)).isFalse();
        assertThat(valid(tablet)).isFalse();
        assertThat(valid(refreshed.response())).isTrue();
        assertThat(useCases.manageTokens().activeTokens(openId)).hasSize(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void refreshWithoutAUserIdNamesIt(String missing) {
        AuthorizeContract.assertMissing(() -> useCases.manageTokens().refreshToken(missing), "userId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"neverRegistered", "bad.id", "x'; DROP TABLE user; --"})
    void refreshOfAnUnknownUserIsRefused(String userId) {
        assertThatThrownBy(() -> useCases.manageTokens().refreshToken(userId))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.USER_NOT_EXIST_IN_DB);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void concurrentRefreshesLeaveExactlyOneValidToken() throws Exception {
        String openId = uniqueId("o");
        codeOnlyLogin(openId, null);

        List<String> tokens = Concurrently.run(32, i -> useCases.manageTokens().refreshToken(openId).response());

        assertThat(tokens.stream().filter(this::valid)).hasSize(1);
        assertThat(useCases.manageTokens().activeTokens(openId)).hasSize(1);
    }

    @Test
    void revokeLogsOutOneDevice() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        assertThat(useCases.manageTokens().revokeToken(phone)).isTrue();
        assertThat(useCases.manageTokens().revokeToken(phone)).isFalse();
        assertThat(valid(phone)).isFalse();
        assertThat(valid(tablet)).isTrue();
    }

    @Test
    void anotherDeviceIsLoggedOutByTheIdTheListingShows() {
        String openId = uniqueId("o");
        String phone = loginOnDevice(openId, "phone").response();
        String tablet = loginOnDevice(openId, "tablet").response();
        String tabletId = useCases.checkTokens().tokenId(tablet).orElseThrow();

        assertThat(useCases.manageTokens().revokeToken(openId, tabletId)).isTrue();
        assertThat(useCases.manageTokens().revokeToken(openId, tabletId)).isFalse();

        assertThat(valid(tablet)).isFalse();
        assertThat(valid(phone)).isTrue();
        assertThat(useCases.manageTokens().activeTokens(openId)).extracting(info -> info.device().orElseThrow())
                .containsExactly("phone");
    }

    @Test
    void aTokenIdOfAnotherUserLogsNobodyOut() {
        String alice = uniqueId("o");
        String bob = uniqueId("o");
        String bobsToken = codeOnlyLogin(bob, null).response();
        codeOnlyLogin(alice, null);

        assertThat(useCases.manageTokens().revokeToken(alice, useCases.checkTokens().tokenId(bobsToken).orElseThrow()))
                .isFalse();
        assertThat(valid(bobsToken)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "thirteen-char", "not.an.id!!", "%%%%%%%%%%%%"})
    void aMalformedTokenIdRevokesNothing(String tokenId) {
        String openId = uniqueId("o");
        String token = codeOnlyLogin(openId, null).response();

        assertThat(useCases.manageTokens().revokeToken(openId, tokenId)).isFalse();
        assertThat(valid(token)).isTrue();
    }

    @Test
    void revokeAllLogsOutEveryDeviceAndCountsThem() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        assertThat(useCases.manageTokens().revokeAllTokens(openId)).isEqualTo(2);
        assertThat(valid(phone)).isFalse();
        assertThat(valid(tablet)).isFalse();
        assertThat(useCases.manageTokens().revokeAllTokens(openId)).isZero();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a.b", "%", "_%", "Ab\u00e9", "0123456789012345678901234567890123456789012345678901234567890"
            + "123456789012345678901234567890123456789012345678901234567890123456789"})
    void malformedUserIdsRevokeNothingAndListNothing(String userId) {
        assertThat(useCases.manageTokens().revokeAllTokens(userId)).isZero();
        assertThat(useCases.manageTokens().revokeToken(userId, "abcdefghijkl")).isFalse();
        assertThat(useCases.manageTokens().activeTokens(userId)).isEmpty();
    }

    @Test
    void activeTokensDescribeDevicesWithoutRevealingTokens() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        List<TokenInfo> live = useCases.manageTokens().activeTokens(openId);

        assertThat(live).hasSize(2);
        assertThat(live).allSatisfy(info -> {
            assertThat(phone).doesNotContain(info.id());
            assertThat(tablet).doesNotContain(info.id());
            assertThat(info.expiresAt()).isEqualTo(info.issuedAt().plus(TTL));
            assertThat(info.device()).isEmpty();
        });
    }
}
