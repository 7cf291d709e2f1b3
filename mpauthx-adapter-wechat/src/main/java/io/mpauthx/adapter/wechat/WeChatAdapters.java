package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.port.out.Decryptor;
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
        HttpClient client = HttpClient.newBuilder()
                // the path on which SingleSendBody stops the client from writing a request twice
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new HttpWeChatGateway(settings, client,
                new RetryPolicy(settings.maxRetries(), settings.retryBackoff(), new SecureRandom()));
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
