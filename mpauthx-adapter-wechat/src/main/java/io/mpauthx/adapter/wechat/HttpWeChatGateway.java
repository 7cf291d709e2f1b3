package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.WeChatGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * jscode2session over the JDK HttpClient. One call has one time budget ({@link WeChatSettings#requestTimeout()})
 * shared by its attempts: errcode -1 and connections that were never made are retried with a jittered pause while
 * the budget leaves room for another attempt ({@link RetryPolicy}). Answers are read up to
 * {@link CappedBody#LARGEST_ANSWER} bytes. The request URL carries the app secret and the code, so it is never logged.
 */
final class HttpWeChatGateway implements WeChatGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWeChatGateway.class);
    /** Real codes are 32 characters; anything far longer is not worth a round trip. */
    static final int LONGEST_CODE = 1024;
    private static final String API = "jscode2session";
    private static final String PATH = "/sns/jscode2session";

    private final WeChatSettings settings;
    private final HttpClient client;
    private final RetryPolicy retries;

    HttpWeChatGateway(WeChatSettings settings, HttpClient client, RetryPolicy retries) {
        this.settings = settings;
        this.client = client;
        this.retries = retries;
    }

    @Override
    public WeChatSession exchangeCode(String jsCode) {
        checkCode(jsCode);
        return RetryingCall.run(API, settings.requestTimeout(), retries, LOG, deadline -> attempt(jsCode, deadline));
    }

    private static void checkCode(String jsCode) {
        if (jsCode == null || jsCode.isBlank()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "code is required");
        }
        if (jsCode.length() > LONGEST_CODE) {
            throw new MpAuthXException(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                    "code is " + jsCode.length() + " characters long; WeChat codes are far shorter");
        }
    }

    private WeChatSession attempt(String jsCode, Deadline deadline) {
        Duration timeLeft = deadline.remaining();
        if (timeLeft.isZero()) {
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "no time left to call jscode2session");
        }
        HttpRequest request = HttpRequest.newBuilder(uriFor(jsCode))
                .timeout(timeLeft)
                .header("Accept", "application/json")
                .method("GET", new SingleSendBody())
                .build();
        HttpResponse<byte[]> response = new Exchange(client, request, API).await(deadline);
        return Jscode2SessionAnswer.read(response.statusCode(), response.body(), jsCode, settings.appSecret());
    }

    private URI uriFor(String jsCode) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + PATH
                + "?appid=" + encoded(settings.appId())
                + "&secret=" + encoded(settings.appSecret())
                + "&js_code=" + encoded(jsCode)
                + "&grant_type=authorization_code");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
