package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.WeChatGateway;

/** Times every call of the gateway it wraps and tells the metrics WeChat's errcode. */
final class MeteredWeChatGateway implements WeChatGateway {

    static final String JSCODE2SESSION = "jscode2session";
    private static final String SUCCESS = "0";
    private static final String NO_ERRCODE = "none";

    private final WeChatGateway gateway;
    private final FacadeMetrics metrics;

    MeteredWeChatGateway(WeChatGateway gateway, FacadeMetrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    @Override
    public WeChatSession exchangeCode(String jsCode) {
        long start = metrics.start();
        try {
            WeChatSession session = gateway.exchangeCode(jsCode);
            metrics.weChatCalled(JSCODE2SESSION, SUCCESS, start);
            return session;
        } catch (MpAuthXException failure) {
            metrics.weChatCalled(JSCODE2SESSION, failure.weChatErrorCode().isPresent()
                    ? Integer.toString(failure.weChatErrorCode().getAsInt()) : NO_ERRCODE, start);
            throw failure;
        }
    }
}
