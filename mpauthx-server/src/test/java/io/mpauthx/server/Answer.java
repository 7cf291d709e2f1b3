package io.mpauthx.server;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/**
 * One HTTP answer of the service as a test sees it.
 *
 * @param status the HTTP status
 * @param body the body as text
 * @param headers the response headers
 */
record Answer(int status, String body, HttpHeaders headers) {

    static Answer of(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    String header(String name) {
        return headers.firstValue(name).orElse("");
    }
}
