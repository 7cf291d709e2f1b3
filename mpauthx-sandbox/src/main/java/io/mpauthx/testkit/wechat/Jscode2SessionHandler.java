package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Answers {@code GET /sns/jscode2session} like WeChat, or with the next queued fault. */
final class Jscode2SessionHandler extends SandboxEndpoint {

    private static final Set<String> PARAMETERS = Set.of("appid", "secret", "js_code", "grant_type");

    private final String appId;
    private final String appSecret;
    private final SandboxLogins logins;

    Jscode2SessionHandler(String appId, String appSecret, SandboxLogins logins, SandboxFaults faults) {
        super("GET", faults);
        this.appId = appId;
        this.appSecret = appSecret;
        this.logins = logins;
    }

    @Override
    void answer(HttpExchange exchange) throws IOException {
        String answer = answer(query(exchange.getRequestURI().getRawQuery()));
        SandboxFaults.send(exchange, 200, "text/plain", answer);
    }

    private String answer(Map<String, String> query) {
        if (!PARAMETERS.containsAll(query.keySet())) {
            return error(40097, "invalid args");
        } else if (!appId.equals(query.get("appid"))) {
            return error(40013, "invalid appid");
        } else if (!appSecret.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        } else if (!"authorization_code".equals(query.get("grant_type"))) {
            return error(40002, "invalid grant_type");
        } else if (query.get("js_code") == null) {
            return error(41008, "missing code");
        }
        return logins.redeem(query.get("js_code"))
                .map(Jscode2SessionHandler::session)
                .orElseGet(() -> logins.wasRedeemed(query.get("js_code"))
                        ? error(40163, "code been used") : error(40029, "invalid code"));
    }

    private static String session(SandboxLogins.Redeemed redeemed) {
        JsonText json = JsonText.object().put("session_key", redeemed.sessionKey());
        redeemed.user().unionId().ifPresent(unionId -> json.put("unionid", unionId));
        return json.put("openid", redeemed.user().openId()).toString();
    }

    private static String error(int errcode, String errmsg) {
        return SandboxFaults.error(errcode, errmsg);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
