package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatAdapters;
import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The default WeChat adapters: jscode2session over HTTP and the strict AES decryptor, from the builder's options. */
final class WeChatWiring {

    private static final String CREDENTIAL_STAND_IN = "missing";

    private WeChatWiring() {
    }

    /**
     * @param problems where an invalid WeChat option is reported, named as the builder names it
     * @return the settings, or empty when a problem was found or the credentials are missing (which the builder
     *     reports itself)
     */
    static Optional<WeChatSettings> settings(String appId, String appSecret, URI baseUrl, Duration connectTimeout,
                                             Duration requestTimeout, List<String> problems) {
        boolean credentialsGiven = hasText(appId) && hasText(appSecret);
        try {
            // stand-ins for missing credentials, so that the other options are checked in the same pass
            WeChatSettings settings = WeChatSettings.builder()
                    .appId(credentialsGiven ? appId : CREDENTIAL_STAND_IN)
                    .appSecret(credentialsGiven ? appSecret : CREDENTIAL_STAND_IN)
                    .baseUrl(baseUrl).connectTimeout(connectTimeout).requestTimeout(requestTimeout).build();
            return credentialsGiven ? Optional.of(settings) : Optional.empty();
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

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
