package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Today's login end to end: code login, phone number, profile fill-in, over HTTP to the sandbox, users in SQLite. */
class PhoneNumberLoginIT {

    private static final String AVATAR = "https://thirdwx.qlogo.cn/mmopen/vi_32/filled-in/132";

    @TempDir
    Path directory;
    private final WeChatSandbox weChat = WeChatSandbox.start("wx-phone-app", "facade-secret");
    private final SandboxUser ann = SandboxUser.withOpenId("oAnnPhone");
    private MpAuthX auth;

    private MpAuthX auth() {
        if (auth == null) {
            auth = WeChatSandboxLoginIT.builderFor(weChat).sqlite(directory.resolve("users.db")).build();
        }
        return auth;
    }

    @AfterEach
    void close() {
        if (auth != null) {
            auth.close();
        }
        weChat.close();
    }

    private String loggedIn(SandboxUser user) {
        return auth().authorize(weChat.newLogin(user).code()).userId();
    }

    @Test
    void theModernFlowStoresThePhoneAndTheFilledInProfile() {
        String userId = loggedIn(ann);

        PhoneNumber phone = auth().phoneNumber(userId, weChat.newPhoneCode(ann));
        User filledIn = auth().updateProfile(userId, "Ann 🌸", AVATAR);

        assertThat(phone).isEqualTo(ann.phone());
        assertThat(filledIn.phone()).contains(ann.phone());
        assertThat(filledIn.profile()).contains(new UserProfile("Ann 🌸", 0, "", "", "", "", AVATAR));
        auth.close();
        auth = null;
        User reopened = auth().findUser(userId).orElseThrow();
        assertThat(reopened.phone()).contains(ann.phone());
        assertThat(reopened.profile().map(UserProfile::nickName)).contains("Ann 🌸");
        assertThat(weChat.stableTokenRequestCount()).isEqualTo(1);
    }

    @Test
    void aFilledInProfileKeepsWhatTheOldFlowStored() {
        var login = weChat.newLogin(ann);
        String userId = auth().authorize(login.code(), login.encryptedData(), login.iv()).userId();

        User user = auth().updateProfile(userId, "Renamed", AVATAR);

        assertThat(user.profile().orElseThrow().city()).isEqualTo(SandboxUser.DEFAULT_PROFILE.city());
        assertThat(user.profile().orElseThrow().nickName()).isEqualTo("Renamed");
    }

    @Test
    void aReusedPhoneCodeIsRefusedWithWeChatsErrcode() {
        String userId = loggedIn(ann);
        String code = weChat.newPhoneCode(ann);
        auth().phoneNumber(userId, code);

        assertThat(refusal(() -> auth().phoneNumber(userId, code))).isEqualTo(OptionalInt.of(40029));
    }

    @Test
    void anExpiredPhoneCodeIsRefusedWithWeChatsErrcode() {
        String userId = loggedIn(ann);
        String code = weChat.newPhoneCode(ann);
        weChat.elapse(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(refusal(() -> auth().phoneNumber(userId, code))).isEqualTo(OptionalInt.of(40029));
        assertThat(auth().findUser(userId).orElseThrow().phone()).isEmpty();
    }

    @Test
    void weChatsRateLimitAndBusyAnswersAre6008WithTheirErrcode() {
        String userId = loggedIn(ann);
        auth().phoneNumber(userId, weChat.newPhoneCode(ann));
        weChat.failNext(WeChatFault.RATE_LIMITED);
        assertThat(refusal(() -> auth().phoneNumber(userId, weChat.newPhoneCode(ann))))
                .isEqualTo(OptionalInt.of(45011));

        weChat.failEveryRequest(WeChatFault.SYSTEM_BUSY);
        assertThat(refusal(() -> auth().phoneNumber(userId, weChat.newPhoneCode(ann)))).isEqualTo(OptionalInt.of(-1));
    }

    @Test
    void weChatUnreachableOrGarbledIsTheTransportCode() {
        String userId = loggedIn(ann);
        auth().phoneNumber(userId, weChat.newPhoneCode(ann));

        weChat.failNext(WeChatFault.SERVER_ERROR);
        assertThat(failure(() -> auth().phoneNumber(userId, weChat.newPhoneCode(ann))).statusCode())
                .isEqualTo(StatusCode.HTTP_ERROR);
        weChat.failNext(WeChatFault.HTML_PAGE);
        assertThat(failure(() -> auth().phoneNumber(userId, weChat.newPhoneCode(ann))).statusCode())
                .isEqualTo(StatusCode.JSON_PARSED_ERROR);
    }

    @Test
    void anUnknownUserIs6010AndBlankArgumentsAre6001() {
        loggedIn(ann);

        assertThat(failure(() -> auth().phoneNumber("oNeverLoggedIn", weChat.newPhoneCode(ann))).statusCode())
                .isEqualTo(StatusCode.USER_NOT_EXIST_IN_DB);
        assertThat(failure(() -> auth().updateProfile("oNeverLoggedIn", "Name", AVATAR)).statusCode())
                .isEqualTo(StatusCode.USER_NOT_EXIST_IN_DB);
        assertThat(failure(() -> auth().phoneNumber(" ", "code")).statusCode())
                .isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(failure(() -> auth().phoneNumber(ann.openId(), null)).statusCode())
                .isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(failure(() -> auth().updateProfile(ann.openId(), "", AVATAR)).statusCode())
                .isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(weChat.phoneNumberRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there", "bell\u0007", "evil\u202Egnp.exe", " padded",
        "zero\u200Bwidth", "\uD800alone"})
    void hostileNicknamesAreRefusedClearly(String nickName) {
        String userId = loggedIn(ann);

        MpAuthXException refused = failure(() -> auth().updateProfile(userId, nickName, AVATAR));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(refused.getMessage()).contains("nickName");
        assertThat(auth().findUser(userId).orElseThrow().profile()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://thirdwx.qlogo.cn/a.png", "javascript:alert(1)", "https://user:pw@evil.example/a",
        "https:///no-host", "https://example.com/a b", "data:image/png;base64,AAAA", "//example.com/a.png"})
    void hostileAvatarUrlsAreRefusedClearly(String avatarUrl) {
        String userId = loggedIn(ann);

        MpAuthXException refused = failure(() -> auth().updateProfile(userId, "Ann", avatarUrl));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(refused.getMessage()).contains("avatarUrl");
    }

    @Test
    void anOverlongNicknameIsRefusedAndOneAtTheLimitStored() {
        String userId = loggedIn(ann);

        assertThat(failure(() -> auth().updateProfile(userId, "名".repeat(65), AVATAR)).getMessage())
                .contains("at most 64");
        assertThat(auth().updateProfile(userId, "名".repeat(64), AVATAR).profile().map(UserProfile::nickName))
                .isEqualTo(Optional.of("名".repeat(64)));
    }

    private static OptionalInt refusal(Runnable call) {
        MpAuthXException refused = failure(call);
        assertThat(refused.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
        return refused.weChatErrorCode();
    }

    private static MpAuthXException failure(Runnable call) {
        MpAuthXException failure = catchThrowableOfType(MpAuthXException.class, call::run);
        assertThat(failure).as("the call failed").isNotNull();
        return failure;
    }
}
