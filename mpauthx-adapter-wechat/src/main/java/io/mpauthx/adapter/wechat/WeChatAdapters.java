package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.port.out.AppCredentials;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.PhoneNumbers;
import io.mpauthx.domain.port.out.SessionKeySealer;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Makes the WeChat adapters. The classes behind the ports stay package-private; callers see only the ports.
 */
public final class WeChatAdapters {

    private WeChatAdapters() {
    }

    /**
     * A jscode2session client over the JDK {@code HttpClient}. It holds no thread of its own that outlives it:
     * the client's selector thread ends once the gateway is no longer referenced.
     *
     * @param settings credentials, base URL, timeouts and retries
     * @return the gateway; thread-safe, meant to be shared
     */
    public static WeChatGateway gateway(WeChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new HttpWeChatGateway(settings, client(settings), retries(settings));
    }

    /**
     * WeChat's {@code stable_token} over the JDK {@code HttpClient}: the app's access_token, with the same timeouts
     * and retries as jscode2session.
     *
     * @param settings credentials, base URL, timeouts and retries
     * @return the client; thread-safe, meant to be shared
     */
    public static AppCredentials appCredentials(WeChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new HttpAppCredentials(settings, new JsonPost(client(settings), settings.baseUrl()), retries(settings));
    }

    /**
     * WeChat's {@code getuserphonenumber} over the JDK {@code HttpClient}.
     *
     * @param settings base URL, app id (the answer's watermark must name it), timeouts and retries
     * @return the client; thread-safe, meant to be shared
     */
    public static PhoneNumbers phoneNumbers(WeChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new HttpPhoneNumbers(settings, new JsonPost(client(settings), settings.baseUrl()), retries(settings));
    }

    /**
     * The AES-256-GCM sealer of retained session keys, keyed by HKDF-SHA256 from the app secret (see
     * docs/wechat.md): no second secret to manage; a new app secret makes retained keys unreadable.
     *
     * @param appId the Mini Program's app id, bound into the key
     * @param appSecret its app secret; not kept
     * @return the sealer; thread-safe
     */
    public static SessionKeySealer sessionKeySealer(String appId, String appSecret) {
        return AesGcmSessionKeySealer.fromAppSecret(Objects.requireNonNull(appId, "appId"),
                Objects.requireNonNull(appSecret, "appSecret"));
    }

    private static HttpClient client(WeChatSettings settings) {
        return HttpClient.newBuilder()
                // the path on which SingleSendBody stops the client from writing a request twice
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static RetryPolicy retries(WeChatSettings settings) {
        return new RetryPolicy(settings.maxRetries(), settings.retryBackoff(), new SecureRandom());
    }

    /**
     * The strict AES-128-CBC decryptor of {@code wx.getUserInfo}'s data.
     *
     * @param appId the Mini Program's app id; the data's watermark must name it
     * @return the decryptor; stateless and thread-safe
     */
    public static Decryptor decryptor(String appId) {
        return new AesUserDataDecryptor(Objects.requireNonNull(appId, "appId"));
    }
}
