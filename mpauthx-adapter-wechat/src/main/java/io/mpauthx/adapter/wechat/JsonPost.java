package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One attempt at a WeChat server API that takes a JSON body by POST. The JDK client never sends a POST twice by
 * itself, so no guard like {@link SingleSendBody} is needed.
 */
final class JsonPost {

    private final HttpClient client;
    private final URI baseUrl;

    JsonPost(HttpClient client, URI baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    /**
     * @param api the API's name for messages, such as {@code stable_token}
     * @param pathAndQuery the path, with any query already encoded
     * @param body the JSON body
     * @param refusedWhat what a refusal refuses, as in "the phone code"
     * @param deadline the call's budget
     * @param secrets texts of the request never to be echoed into a message
     * @return WeChat's answer, without errcode or with errcode 0
     */
    JsonObject send(String api, String pathAndQuery, JsonObject body, String refusedWhat, Deadline deadline,
                    String... secrets) {
        Duration timeLeft = deadline.remaining();
        if (timeLeft.isZero()) {
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "no time left to call " + api);
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeLeft)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = new Exchange(client, request, api).await(deadline);
        return WeChatAnswer.read(api, refusedWhat, response.statusCode(), response.body(), secrets);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
