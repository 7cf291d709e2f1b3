package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Answers {@code POST /cgi-bin/stable_token} like WeChat, or with the next queued fault. */
final class StableTokenHandler extends SandboxEndpoint {

    private final String appId;
    private final String appSecret;
    private final SandboxAccessTokens tokens;

    StableTokenHandler(String appId, String appSecret, SandboxAccessTokens tokens, SandboxFaults faults) {
        super("POST", faults);
        this.appId = appId;
        this.appSecret = appSecret;
        this.tokens = tokens;
    }

    @Override
    void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        SandboxFaults.send(exchange, 200, "application/json",
                FlatJson.parse(body).map(this::answer).orElseGet(() -> SandboxFaults.error(47001,
                        "data format error")));
    }

    private String answer(Map<String, String> request) {
        if (!"client_credential".equals(request.get("grant_type"))) {
            return SandboxFaults.error(40002, "invalid grant_type");
        } else if (!appId.equals(request.get("appid"))) {
            return SandboxFaults.error(40013, "invalid appid");
        } else if (!appSecret.equals(request.get("secret"))) {
            return SandboxFaults.error(40125, "invalid appsecret");
        }
        SandboxAccessTokens.Issued issued = tokens.stableToken("true".equals(request.get("force_refresh")));
        return JsonText.object().put("access_token", issued.token())
                .put("expires_in", issued.expiresIn().toSeconds()).toString();
    }
}
