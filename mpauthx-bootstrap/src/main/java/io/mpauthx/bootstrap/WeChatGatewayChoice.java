package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.port.out.WeChatGateway;

/** How WeChat is reached: chosen by the builder, opened by {@link MpAuthXModule}. */
sealed interface WeChatGatewayChoice {

    /** @return what was chosen, for the configuration's text; never a secret */
    String description();

    /** WeChat's HTTP API (or a proxy, or the sandbox, at the settings' base URL). */
    record Http(WeChatSettings settings) implements WeChatGatewayChoice {
        @Override
        public String description() {
            return "WeChat HTTP API at " + settings.baseUrl();
        }
    }

    /** The application's own gateway. */
    record Custom(WeChatGateway gateway) implements WeChatGatewayChoice {
        @Override
        public String description() {
            return "custom WeChat gateway (" + gateway.getClass().getName() + ")";
        }
    }
}
