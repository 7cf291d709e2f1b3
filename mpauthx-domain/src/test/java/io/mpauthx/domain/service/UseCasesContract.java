package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.BrokenTokenStore;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour of SPEC §4, run against real stores: each store module extends this with its adapters, so the
 * in-memory and the production stores pass the same suite. WeChat and decryption are hand-written fakes.
 */
public abstract class UseCasesContract {

    protected static final String APP_ID = "wx1234567890abcdef";
    protected static final String SKU = "shop";

    protected final FakeWeChatGateway weChat = new FakeWeChatGateway();
    protected final FakeDecryptor decryptor = new FakeDecryptor();
    protected TokenStore tokenStore;
    protected UserRepository users;
    protected UseCases useCases;

    /** @return a fresh token store; tests use unique user ids, so a shared server needs no flushing */
    protected abstract TokenStore newTokenStore();

    /** @return a fresh, empty user repository */
    protected abstract UserRepository newUserRepository();

    @BeforeEach
    void wire() {
        tokenStore = newTokenStore();
        users = newUserRepository();
        useCases = wire(new AuthSettings(APP_ID, SKU, Duration.ofHours(1), 10), tokenStore);
    }

    @AfterEach
    void release() {
        tokenStore.close();
        users.close();
    }

    protected UseCases wire(AuthSettings settings, TokenStore store) {
        return UseCases.create(settings, store, users, weChat, decryptor, new SecureRandom());
    }

    protected static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    protected static UserProfile profile(String nickName) {
        return new UserProfile(nickName, 2, "zh_CN", "Shenzhen", "Guangdong", "China", "https://example.com/p.png");
    }

    private AuthResult oldFlowLogin(String openId, String unionIdInSession, String unionIdInData, UserProfile profile) {
        String code = weChat.newCode(openId, unionIdInSession);
        String data = decryptor.encrypt(openId, unionIdInData, profile);
        return useCases.authorize().authorize(LoginCommand.withProfile(code, data, "aXZpdml2aXZpdml2aXZpdg=="));
    }

    private AuthResult codeOnlyLogin(String openId, String unionId) {
        return useCases.authorize().authorize(LoginCommand.codeOnly(weChat.newCode(openId, unionId)));
    }

    private boolean valid(String token) {
        return useCases.checkTokens().isTokenValid(token);
    }

    @Test
    void oldFlowLoginReturnsAValidTokenAndStoresTheProfile() {
        String openId = uniqueId("o");
        AuthResult result = oldFlowLogin(openId, null, null, profile("Ann"));

        assertThat(result.statusCode()).isEqualTo(1);
        assertThat(result.statusMessage()).isEqualTo("OK");
        assertThat(valid(result.response())).isTrue();
        assertThat(AccessToken.parse(result.response())).hasValueSatisfying(token -> {
            assertThat(token.userId()).isEqualTo(openId);
            assertThat(token.sku()).isEqualTo(SKU);
        });
        assertThat(users.find(openId).orElseThrow().profile()).contains(profile("Ann"));
    }

    @Test
    void findUserReadsTheStoredUserAndAnswersEmptyForAnythingElse() {
        String openId = uniqueId("o");
        oldFlowLogin(openId, null, null, profile("Ann"));

        assertThat(useCases.findUsers().findUser(openId).flatMap(user -> user.profile()))
                .contains(profile("Ann"));
        assertThat(useCases.findUsers().findUser(uniqueId("o"))).isEmpty();
        assertThat(useCases.findUsers().findUser(null)).isEmpty();
        assertThat(useCases.findUsers().findUser("' OR 1=1 --")).isEmpty();
    }

    @Test
    void unionIdInTheDecryptedDataIsTheUserId() {
        String unionId = uniqueId("u");
        AuthResult result = oldFlowLogin(uniqueId("o"), null, unionId, profile("Ann"));

        assertThat(useCases.checkTokens().extractOpenId(result.response())).contains(unionId);
        assertThat(users.exists(unionId)).isTrue();
    }

    @Test
    void unionIdFromJsCode2SessionIsUsedWhenTheDataHasNone() {
        String unionId = uniqueId("u");
        AuthResult result = oldFlowLogin(uniqueId("o"), unionId, null, profile("Ann"));

        assertThat(useCases.checkTokens().extractOpenId(result.response())).contains(unionId);
    }

    @Test
    void codeOnlyLoginRegistersTheUserWithoutProfile() {
        String openId = uniqueId("o");
        AuthResult result = codeOnlyLogin(openId, null);

        assertThat(valid(result.response())).isTrue();
        assertThat(users.find(openId).orElseThrow().profile()).isEmpty();
    }

    @Test
    void codeOnlyLoginPrefersTheUnionIdAndKeepsAStoredProfile() {
        String openId = uniqueId("o");
        String unionId = uniqueId("u");
        oldFlowLogin(openId, unionId, unionId, profile("Kept"));

        AuthResult result = codeOnlyLogin(openId, unionId);

        assertThat(useCases.checkTokens().extractOpenId(result.response())).contains(unionId);
        assertThat(users.find(unionId).orElseThrow().profile()).contains(profile("Kept"));
    }

    @Test
    void openIdMismatchIsRefusedAndNothingIsStored() {
        String openId = uniqueId("o");
        String code = weChat.newCode(openId, null);
        String data = decryptor.encrypt(uniqueId("other"), null, profile("Eve"));

        assertThatThrownBy(() -> useCases.authorize().authorize(LoginCommand.withProfile(code, data, "aXY=")))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.OPENID_OR_UNIONID_NOT_MATCH));
        assertThat(users.exists(openId)).isFalse();
        assertThat(useCases.manageTokens().activeTokens(openId)).isEmpty();
    }

    @Test
    void unionIdMismatchIsRefusedAndNothingIsStored() {
        String openId = uniqueId("o");
        String unionIdOfTheCode = uniqueId("u");
        String unionIdInTheData = uniqueId("other");

        assertThatThrownBy(() -> oldFlowLogin(openId, unionIdOfTheCode, unionIdInTheData, profile("Eve")))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.OPENID_OR_UNIONID_NOT_MATCH);
                    assertThat(e.getMessage()).contains("unionId").doesNotContain(unionIdOfTheCode, unionIdInTheData);
                });
        assertThat(users.exists(unionIdOfTheCode)).isFalse();
        assertThat(users.exists(unionIdInTheData)).isFalse();
        assertThat(users.exists(openId)).isFalse();
        assertThat(useCases.manageTokens().activeTokens(unionIdInTheData)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void missingArgumentsAreNamed(String missing) {
        assertMissing(() -> LoginCommand.withProfile(missing, "data", "iv"), "code");
        assertMissing(() -> LoginCommand.withProfile("code", missing, "iv"), "encryptedData");
        assertMissing(() -> LoginCommand.withProfile("code", "data", missing), "iv");
        assertMissing(() -> LoginCommand.codeOnly(missing), "code");
        assertMissing(() -> useCases.manageTokens().refreshToken(missing), "userId");
    }

    private static void assertMissing(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(MpAuthXException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
            assertThat(e.getMessage()).contains(argument);
        });
    }

    @Test
    void reusedCodeIsRefusedWithWeChatsErrcode() {
        String code = weChat.newCode(uniqueId("o"), null);
        useCases.authorize().authorize(LoginCommand.codeOnly(code));

        assertThatThrownBy(() -> useCases.authorize().authorize(LoginCommand.codeOnly(code)))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
                    assertThat(e.weChatErrorCode()).hasValue(40163);
                });
    }

    @Test
    void userIdOutsideTheTokenAlphabetIsRefused() {
        String badUnionId = "union.with.dots";
        assertThatThrownBy(() -> oldFlowLogin(uniqueId("o"), null, badUnionId, profile("Ann")))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR));
        assertThat(users.exists(badUnionId)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a.b", "a.b.c", "a.b.c.d", "\u0000", "用户.shop.secret", "%00.shop.x"})
    void malformedTokensAreInvalidWithoutException(String token) {
        assertThat(valid(token)).isFalse();
        assertThat(useCases.checkTokens().isTokenValidAsync(token).toCompletableFuture().join()).isFalse();
        assertThat(useCases.checkTokens().extractOpenId(token)).isEmpty();
        assertThat(useCases.checkTokens().extractSku(token)).isEmpty();
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
        UseCases otherSku = wire(new AuthSettings(APP_ID, "blog", Duration.ofHours(1), 10), tokenStore);

        assertThat(otherSku.checkTokens().isTokenValid(token)).isFalse();
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
        useCases = wire(new AuthSettings(APP_ID, SKU, Duration.ofMillis(300), 10), tokenStore);
        String token = codeOnlyLogin(uniqueId("o"), null).response();

        Await.until(Duration.ofSeconds(10), () -> !valid(token), "token expires");
    }

    @Test
    void failingTokenStoreIsAnErrorNotAnInvalidToken() {
        String token = codeOnlyLogin(uniqueId("o"), null).response();
        UseCases broken = wire(new AuthSettings(APP_ID, SKU, Duration.ofHours(1), 10), new BrokenTokenStore());

        assertThatThrownBy(() -> broken.checkTokens().isTokenValid(token))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        assertThat(broken.checkTokens().isTokenValidAsync(token).toCompletableFuture())
                .isCompletedExceptionally();
    }

    @Test
    void eachLoginIsAnotherDeviceUpToTheCap() {
        useCases = wire(new AuthSettings(APP_ID, SKU, Duration.ofHours(1), 2), tokenStore);
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
        assertThat(valid(phone)).isFalse();
        assertThat(valid(tablet)).isFalse();
        assertThat(valid(refreshed.response())).isTrue();
        assertThat(useCases.manageTokens().activeTokens(openId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"neverRegistered", "bad.id", "x'; DROP TABLE user; --"})
    void refreshOfAnUnknownUserIsRefused(String userId) {
        assertThatThrownBy(() -> useCases.manageTokens().refreshToken(userId))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.USER_NOT_EXIST_IN_DB));
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
    void extractReadsTheTokenWithoutIo() {
        String openId = uniqueId("o");
        String token = codeOnlyLogin(openId, null).response();

        assertThat(useCases.checkTokens().extractOpenId(token)).contains(openId);
        assertThat(useCases.checkTokens().extractSku(token)).contains(SKU);
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
    @ValueSource(strings = {"a.b", "%", "_%", "Ab\u00e9", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"})
    void malformedUserIdsRevokeNothingAndListNothing(String userId) {
        assertThat(useCases.manageTokens().revokeAllTokens(userId)).isZero();
        assertThat(useCases.manageTokens().activeTokens(userId)).isEmpty();
    }

    @Test
    void activeTokensDescribeDevicesWithoutRevealingTokens() {
        String openId = uniqueId("o");
        String phone = codeOnlyLogin(openId, null).response();
        String tablet = codeOnlyLogin(openId, null).response();

        List<TokenInfo> live = useCases.manageTokens().activeTokens(openId);

        assertThat(live).hasSize(2);
        assertThat(live).extracting(TokenInfo::id).containsExactly(
                AccessToken.parse(phone).orElseThrow().hash().publicId(),
                AccessToken.parse(tablet).orElseThrow().hash().publicId());
        assertThat(live).allSatisfy(info -> {
            assertThat(phone).doesNotContain(info.id());
            assertThat(info.expiresAt()).isEqualTo(info.issuedAt().plus(Duration.ofHours(1)));
        });
    }

    @Test
    void resultSerialisesToTheOriginalWireShape() {
        String token = codeOnlyLogin(uniqueId("o"), null).response();
        assertThat(new AuthResult(1, "OK", token).toJson())
                .isEqualTo("{\"status_code\":1,\"status_message\":\"OK\",\"response\":\"" + token + "\"}");
    }
}
