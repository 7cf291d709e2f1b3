package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.AppAccessToken;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.AppCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * {@code POST /cgi-bin/stable_token}: the app's access_token. The request carries the app secret and the answer
 * the token, so neither body is ever logged or put into a message.
 */
final class HttpAppCredentials implements AppCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAppCredentials.class);
    private static final String API = "stable_token";
    /** WeChat's tokens are 512 characters at most; a longer one is not a token. */
    static final int LONGEST_TOKEN = 2048;

    private final WeChatSettings settings;
    private final JsonPost post;
    private final RetryPolicy retries;

    HttpAppCredentials(WeChatSettings settings, JsonPost post, RetryPolicy retries) {
        this.settings = settings;
        this.post = post;
        this.retries = retries;
    }

    @Override
    public AppAccessToken fetchStableToken(boolean forceRefresh) {
        JsonObject body = new JsonObject();
        body.addProperty("grant_type", "client_credential");
        body.addProperty("appid", settings.appId());
        body.addProperty("secret", settings.appSecret());
        body.addProperty("force_refresh", forceRefresh);
        AppAccessToken token = RetryingCall.run(API, settings.requestTimeout(), retries, LOG, deadline ->
                read(post.send(API, "/cgi-bin/stable_token", body, "the access_token request", deadline,
                        settings.appSecret())));
        LOG.debug("fetched the app's access_token (forced: {}), valid for {}", forceRefresh, token.expiresIn());
        return token;
    }

    private static AppAccessToken read(JsonObject answer) {
        try {
            String token = StrictJson.string(answer, "access_token").filter(text -> !text.isBlank())
                    .orElseThrow(() -> new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                            "WeChat's stable_token answer has neither errcode nor access_token"));
            int expiresIn = StrictJson.integer(answer, "expires_in").orElseThrow(() -> new MpAuthXException(
                    StatusCode.JSON_PARSED_ERROR, "WeChat's stable_token answer has no expires_in"));
            boolean printable = token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            if (expiresIn <= 0 || token.length() > LONGEST_TOKEN || !printable) {
                throw new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                        "WeChat's stable_token answer holds no usable token or lifetime");
            }
            return new AppAccessToken(token, Duration.ofSeconds(expiresIn));
        } catch (StrictJson.WrongTypeException wrongType) {
            throw WeChatAnswer.notAsExpected(API, wrongType);
        }
    }
}
