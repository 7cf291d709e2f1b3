package io.mpauthx.examples.quickstart;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AuthResult;

import java.net.URI;
import java.nio.file.Path;

/**
 * The README's quick start as a backend holds it: one {@link MpAuthX} for the whole application, a login, the
 * phone number and profile fill-in, a check on every API call, a refresh, and {@link #close()} at shutdown.
 */
public final class QuickStart implements AutoCloseable {

    private final MpAuthX auth;

    /**
     * @param appId the Mini Program's AppID
     * @param appSecret its AppSecret, e.g. {@code System.getenv("MPAUTHX_APPSECRET")}; never logged
     * @param weChat where jscode2session is: {@code https://api.weixin.qq.com}, or a sandbox in tests
     * @param users the SQLite file of the users, created and migrated on first use
     */
    public QuickStart(String appId, String appSecret, URI weChat, Path users) {
        this.auth = MpAuthX.builder()
                .appId(appId)
                .appSecret(appSecret)
                .sku("shop")                         // namespaces tokens per project
                .sqlite(users)
                .inMemoryTokenStore()                // one process; .redis("redis://host:6379") for several
                .weChatApiBaseUrl(weChat)
                .build();                            // one per application; thread-safe
    }

    /**
     * POST /login {code}.
     *
     * @param code the one-time code the phone got from {@code wx.login()}
     * @return the access token to hand to the phone
     */
    public String login(String code) {
        AuthResult login = auth.authorize(code);
        return login.token();
    }

    /**
     * POST /me/phone {code}: the phone-number button's code, from a phone that holds a valid token.
     *
     * @param token the token the phone sent
     * @param phoneCode the code of the button's {@code getPhoneNumber} event
     * @return the number, now stored on the user
     */
    public String sharePhoneNumber(String token, String phoneCode) {
        return auth.phoneNumber(auth.extractUserId(token).orElseThrow(), phoneCode).phoneNumber();
    }

    /**
     * POST /me/profile {nickName, avatarUrl}: what WeChat's nickname and avatar widgets gave.
     *
     * @param token the token the phone sent
     * @param nickName the chosen nickname
     * @param avatarUrl the https URL of the uploaded avatar
     */
    public void fillInProfile(String token, String nickName, String avatarUrl) {
        auth.updateProfile(auth.extractUserId(token).orElseThrow(), nickName, avatarUrl);
    }

    /**
     * Every API call.
     *
     * @param token the token the phone sent
     * @return false when the caller should answer 401
     */
    public boolean isAllowed(String token) {
        return auth.isTokenValid(token);
    }

    /**
     * A fresh token for the token's user; every earlier token of the user stops being valid.
     *
     * @param token a token of the user
     * @return the new token
     */
    public String refresh(String token) {
        AuthResult fresh = auth.refreshToken(auth.extractOpenId(token).orElseThrow());
        return fresh.token();
    }

    /** At shutdown: closes the user database and the token store. */
    @Override
    public void close() {
        auth.close();
    }
}
