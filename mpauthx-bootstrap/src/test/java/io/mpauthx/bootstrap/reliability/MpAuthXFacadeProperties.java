package io.mpauthx.bootstrap.reliability;

import io.mpauthx.adapter.wechat.WeChatAdapters;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.domain.testing.HostileStrings;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatUserData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

/**
 * Every facade method under arbitrary strings: the documented result or an {@link MpAuthXException}
 * with a status code, never anything else, and never a valid token that was not issued here. The stores are in
 * memory and jscode2session is faked, so the tries are about parsing and validation; the real decryptor runs.
 * Arguments are hostile strings, or real codes, user ids, tokens and encrypted data of this instance and of
 * another sku, so that the interesting paths are reached too.
 */
class MpAuthXFacadeProperties {

    private static final String APP_ID = "wx-facade-property";
    private static final String SESSION_KEY = "c2Vzc2lvbmtleTEyMzQ1Ng==";
    private static final String IV = "8PHy8/T19vf4+fr7/P3+/w==";
    private static final int TRIES = 10_000;
    private static final List<String> KNOWN_USERS = List.of("oKnownA", "oKnownB");
    private static final Set<StatusCode> LOGIN_CODES = EnumSet.of(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
            StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, StatusCode.OPENID_OR_UNIONID_NOT_MATCH,
            StatusCode.USER_INFO_DECRYPTION_ERROR);

    private static FakeWeChatGateway weChat;
    private static MpAuthX auth;
    private static MpAuthX otherSku;
    /** Every token this instance ever issued: the only strings that may ever check as valid here. */
    private static final Set<String> issuedHere = ConcurrentHashMap.newKeySet();
    private static final Set<String> issuedForOtherSku = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void build() {
        weChat = new FakeWeChatGateway();
        auth = facade("shop");
        otherSku = facade("blog");
        for (String user : KNOWN_USERS) {
            issuedHere.add(auth.authorize(weChat.newCode(user, null)).token());
            issuedForOtherSku.add(otherSku.authorize(weChat.newCode(user, null)).token());
        }
    }

    private static MpAuthX facade(String sku) {
        return MpAuthX.builder().appId(APP_ID).appSecret("facade-property-secret").sku(sku)
                .tokenTtl(Duration.ofHours(1)).inMemoryUserRepository().inMemoryTokenStore()
                .weChatGateway(weChat).decryptor(WeChatAdapters.decryptor(APP_ID)).build();
    }

    @AfterAll
    static void close() {
        auth.close();
        otherSku.close();
    }

    @Test
    void oldFlowLoginGivesAValidTokenOrALoginCode() {
        qt().withExamples(TRIES).forAll(codes(), data(), ivs())
                .checkAssert((code, data, iv) -> assertLogin(() -> auth.authorize(code, data, iv)));
    }

    @Test
    void codeOnlyLoginGivesAValidTokenOrALoginCode() {
        qt().withExamples(TRIES).forAll(codes()).checkAssert(code -> assertLogin(() -> auth.authorize(code)));
    }

    private static void assertLogin(Supplier<AuthResult> login) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> {
            AuthResult result = login.get();
            assertThat(result.statusCode()).isEqualTo(StatusCode.SUCCESS.code());
            issuedHere.add(result.token());
            assertThat(auth.isTokenValid(result.token())).isTrue();
        });
        if (refused != null) {
            assertThat(refused.statusCode()).isIn(LOGIN_CODES);
        }
    }

    @Test
    void onlyTokensIssuedHereAreEverValid() {
        qt().withExamples(TRIES).forAll(tokens()).checkAssert(token -> {
            boolean valid = auth.isTokenValid(token);

            assertThat(auth.isTokenValidAsync(token).toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(valid);
            if (valid) {
                assertThat(issuedHere).contains(token);
            }
        });
    }

    @Test
    void extractionIsPureParsing() {
        qt().withExamples(TRIES).forAll(tokens()).checkAssert(token -> {
            Optional<AccessToken> parsed = AccessToken.parse(token);

            assertThat(auth.extractOpenId(token)).isEqualTo(parsed.map(token1 -> token1.owner().userId().value()));
            assertThat(auth.extractSku(token)).isEqualTo(parsed.map(token1 -> token1.owner().sku().value()));
        });
    }

    @Test
    void refreshGivesAValidTokenOnlyToRegisteredUsers() {
        qt().withExamples(TRIES).forAll(userIds()).checkAssert(MpAuthXFacadeProperties::assertRefresh);
    }

    private static void assertRefresh(String userId) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> {
            String token = auth.refreshToken(userId).token();
            issuedHere.add(token);
            assertThat(auth.isTokenValid(token)).isTrue();
        });

        if (refused != null) {
            assertThat(refused.statusCode()).isIn(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    StatusCode.USER_NOT_EXIST_IN_DB);
            assertThat(refused.statusCode() == StatusCode.USER_NOT_EXIST_IN_DB)
                    .isEqualTo(userId != null && !userId.isBlank());
        } else {
            assertThat(auth.findUser(userId)).isPresent();
        }
    }

    @Test
    void revokingAnythingRevokesOnlyTokensIssuedHere() {
        qt().withExamples(TRIES).forAll(tokens()).checkAssert(token -> {
            if (auth.revokeToken(token)) {
                assertThat(issuedHere).contains(token);
                assertThat(auth.isTokenValid(token)).isFalse();
            }
        });
    }

    @Test
    void userQueriesAnswerOnlyForRegisteredUsers() {
        qt().withExamples(TRIES).forAll(userIds()).checkAssert(MpAuthXFacadeProperties::assertUserQueries);
    }

    private static void assertUserQueries(String userId) {
        int revoked = auth.revokeAllTokens(userId);
        List<TokenInfo> active = auth.activeTokens(userId);
        boolean registered = auth.findUser(userId).isPresent();

        assertThat(revoked).isNotNegative();
        assertThat(active).isEmpty();
        if (revoked > 0) {
            assertThat(registered).isTrue();
        }
        // a login of this user must be possible again for the other properties
        if (registered) {
            issuedHere.add(auth.authorize(weChat.newCode(userId, null)).token());
            assertThat(auth.activeTokens(userId)).hasSize(1)
                    .allSatisfy(info -> assertThat(issuedHere).noneMatch(t -> info.toString().contains(t)));
        }
    }

    private static Gen<String> codes() {
        Gen<String> known = Generate.pick(KNOWN_USERS).map(user -> weChat.newCode(user, null));
        return withNulls(Generate.frequency(Pair.of(2, HostileStrings.any()), Pair.of(1, known)));
    }

    private static Gen<String> data() {
        Instant now = Instant.now();
        Gen<String> real = Generate.pick(KNOWN_USERS).map(user -> WeChatUserData.encrypt(
                WeChatUserData.plaintext(SandboxUser.withOpenId(user), APP_ID, now), SESSION_KEY, IV));
        return withNulls(Generate.frequency(Pair.of(2, HostileStrings.any()), Pair.of(1, real)));
    }

    private static Gen<String> ivs() {
        return withNulls(Generate.frequency(Pair.of(1, HostileStrings.any()), Pair.of(2, Generate.constant(IV))));
    }

    private static Gen<String> tokens() {
        List<String> here = List.copyOf(issuedHere);
        return withNulls(Generate.frequency(
                Pair.of(3, HostileStrings.any()),
                Pair.of(1, Generate.pick(List.copyOf(issuedForOtherSku))),
                Pair.of(1, Generate.pick(here)),
                Pair.of(2, Forgeries.of(here, KNOWN_USERS, List.of("blog", "shop ", "SHOP")))));
    }

    private static Gen<String> userIds() {
        return withNulls(Generate.frequency(Pair.of(3, HostileStrings.any()), Pair.of(1, Generate.pick(KNOWN_USERS)),
                Pair.of(1, Generate.pick(List.of(" ", "")))));
    }

    /** @return the same strings, and null in 2 % of the tries */
    private static Gen<String> withNulls(Gen<String> strings) {
        return strings.mix(Generate.constant((String) null), 2);
    }
}
