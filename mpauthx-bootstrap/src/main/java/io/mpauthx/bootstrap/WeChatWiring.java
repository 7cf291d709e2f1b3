package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatAdapters;
import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The default WeChat adapters: jscode2session over HTTP and the strict AES decryptor, from the builder's options. */
final class WeChatWiring {

    private WeChatWiring() {
    }

    /**
     * @param problems where an invalid WeChat option is reported, named as the builder names it
     * @return the settings, or empty when a problem was found
     */
    static Optional<WeChatSettings> settings(String appId, String appSecret, URI baseUrl, Duration connectTimeout,
                                             Duration requestTimeout, List<String> problems) {
        try {
            return Optional.of(WeChatSettings.builder().appId(appId).appSecret(appSecret).baseUrl(baseUrl)
                    .connectTimeout(connectTimeout).requestTimeout(requestTimeout).build());
        } catch (MpAuthXException missingCredentials) {
            // the builder reports a missing appId or appSecret itself
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            problems.add(namedAsTheBuilderNamesThem(invalid.getMessage()));
            return Optional.empty();
        }
    }

    static AdapterChoice<WeChatGateway> httpGateway(WeChatSettings settings) {
        return new AdapterChoice<>("WeChat HTTP API at " + settings.baseUrl(), config -> WeChatAdapters.gateway(settings));
    }

    static AdapterChoice<Decryptor> aesDecryptor() {
        return new AdapterChoice<>("AES-128-CBC", config -> WeChatAdapters.decryptor(config.appId()));
    }

    /** "requestTimeout must be..." reads "weChatRequestTimeout must be...", the builder option's name. */
    private static String namedAsTheBuilderNamesThem(String message) {
        return message.replaceAll("\\bbaseUrl\\b", "weChatApiBaseUrl")
                .replaceAll("\\bconnectTimeout\\b", "weChatConnectTimeout")
                .replaceAll("\\brequestTimeout\\b", "weChatRequestTimeout");
    }
}
