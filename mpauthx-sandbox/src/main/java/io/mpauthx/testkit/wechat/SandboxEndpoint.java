package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every WeChat endpoint of the sandbox does before it answers: count the request, let a queued fault answer
 * instead, and refuse any other HTTP method with 405, as WeChat's servers do.
 */
abstract class SandboxEndpoint implements HttpHandler {

    private final String method;
    private final SandboxFaults faults;
    private final AtomicInteger requests = new AtomicInteger();

    SandboxEndpoint(String method, SandboxFaults faults) {
        this.method = method;
        this.faults = faults;
    }

    /** @return how many requests reached this endpoint, faults included */
    final int requestCount() {
        return requests.get();
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (faults.answeredInstead(exchange)) {
                return;
            }
            if (!method.equals(exchange.getRequestMethod())) {
                SandboxFaults.send(exchange, 405, "text/plain", "");
                return;
            }
            answer(exchange);
        }
    }

    /** Answers a request of the right method that no fault took. */
    abstract void answer(HttpExchange exchange) throws IOException;
}
