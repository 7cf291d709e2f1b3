package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Answers {@code POST /wxa/business/getuserphonenumber?access_token=…} like WeChat, or with the next fault. */
final class PhoneNumberHandler extends SandboxEndpoint {

    private final String appId;
    private final SandboxAccessTokens tokens;
    private final SandboxPhoneCodes codes;
    private final SandboxClock clock;

    PhoneNumberHandler(String appId, SandboxAccessTokens tokens, SandboxPhoneCodes codes, SandboxClock clock,
                       SandboxFaults faults) {
        super("POST", faults);
        this.appId = appId;
        this.tokens = tokens;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        SandboxFaults.send(exchange, 200, "application/json",
                answer(accessToken(exchange.getRequestURI().getRawQuery()), body));
    }

    private String answer(String accessToken, String body) {
        Optional<SandboxAccessTokens.Refusal> refusal = tokens.check(accessToken);
        if (refusal.isPresent()) {
            return refusal.get() == SandboxAccessTokens.Refusal.EXPIRED
                    ? SandboxFaults.error(42001, "access_token expired")
                    : SandboxFaults.error(40001, "invalid credential, access_token is invalid or not latest");
        }
        Optional<Map<String, String>> request = FlatJson.parse(body);
        if (request.isEmpty() || request.get().get("code") == null) {
            return SandboxFaults.error(47001, "data format error");
        }
        SandboxPhoneCodes.Outcome outcome = codes.redeem(request.get().get("code"));
        if (outcome instanceof SandboxPhoneCodes.Refused refused) {
            return SandboxFaults.error(40029, refused.errmsg());
        }
        SandboxPhoneCodes.Redeemed redeemed = (SandboxPhoneCodes.Redeemed) outcome;
        String openId = request.get().get("openid");
        if (openId != null && !openId.equals(redeemed.user().openId())) {
            return SandboxFaults.error(40003, "invalid openid");
        }
        JsonText watermark = JsonText.object().put("timestamp", clock.now().getEpochSecond()).put("appid", appId);
        JsonText info = JsonText.object().put("phoneNumber", redeemed.phone().phoneNumber())
                .put("purePhoneNumber", redeemed.phone().purePhoneNumber())
                .put("countryCode", redeemed.phone().countryCode())
                .put("watermark", watermark);
        return JsonText.object().put("errcode", 0).put("errmsg", "ok").put("phone_info", info).toString();
    }

    private static String accessToken(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("access_token=")) {
                return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
