package io.mpauthx.server;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's requests: the service key, the route, the answer. One request at a time per connection, in
 * order: a pipelined request waits for the answer before it, and reading pauses meanwhile, so a client cannot queue
 * unbounded work.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String APPS = "/v1/apps/";
    static final String SERVICE_KEY_HEADER = "X-MpAuthX-Key";

    private final ServiceContext service;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    ApiHandler(ServiceContext service) {
        super(false);
        this.service = service;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        SlowRequestGuard.disarm(ctx.channel());
        if (busy) {
            waiting.add(request);
            return;
        }
        busy = true;
        ctx.channel().config().setAutoRead(false);
        try {
            serve(ctx, request);
        } finally {
            request.release();
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            write(ctx, unreadable(request.decoderResult().cause()), false);
            return;
        }
        service.drain().begin();
        long started = System.nanoTime();
        String path = new QueryStringDecoder(request.uri()).rawPath();
        CompletionStage<Reply> reply;
        try {
            reply = route(request, path);
        } catch (RuntimeException failure) {
            reply = CompletableFuture.failedFuture(failure);
        }
        String route = RequestMetrics.routeOf(path);
        reply.exceptionally(ApiHandler::failureReply).thenAccept(answer -> onEventLoop(ctx, () -> {
            service.metrics().record(route, answer.status(), System.nanoTime() - started);
            service.drain().end();
            write(ctx, answer, keepAlive && !service.drain().draining());
        }));
    }

    /** The connection's state is the event loop's: an answer known at once is written at once, others are handed over. */
    private static void onEventLoop(ChannelHandlerContext ctx, Runnable step) {
        if (ctx.executor().inEventLoop()) {
            step.run();
        } else {
            ctx.executor().execute(step);
        }
    }

    private CompletionStage<Reply> route(FullHttpRequest http, String path) {
        ApiRequest request = new ApiRequest(http.method().name(), header(http, HttpHeaderNames.CONTENT_TYPE.toString()),
                header(http, HttpHeaderNames.AUTHORIZATION.toString()),
                ByteBuffer.wrap(ByteBufUtil.getBytes(http.content())));
        switch (path) {
            case "/healthz" -> {
                return request.expect("GET").orElseGet(() -> done(Reply.json(200, "{\"status\":\"up\"}")));
            }
            case "/readyz" -> {
                return request.expect("GET").orElseGet(() -> CompletableFuture.supplyAsync(
                        service.readiness()::probe, service.blocking()));
            }
            case "/metrics" -> {
                return keyed(request).orElseGet(() -> request.expect("GET").orElseGet(() -> done(new Reply(200,
                        RequestMetrics.CONTENT_TYPE, service.metrics().scrape(), Map.of()))));
            }
            case "/openapi.json" -> {
                return keyed(request).orElseGet(() -> request.expect("GET").orElseGet(() -> done(
                        new Reply(200, Reply.JSON, service.openApi(), Map.of()))));
            }
            default -> {
                return path.startsWith(APPS) ? app(http, request, path) : done(notFound("no such route"));
            }
        }
    }

    private CompletionStage<Reply> app(FullHttpRequest http, ApiRequest request, String path) {
        List<String> segments = Arrays.stream(path.substring(APPS.length()).split("/", -1))
                .map(QueryStringDecoder::decodeComponent).toList();
        boolean gatewayCheck = segments.size() >= 2 && segments.get(1).equals("auth");
        if (gatewayCheck) {
            if (!service.keys().accepts(http.headers().get(SERVICE_KEY_HEADER))) {
                return done(Reply.error(403, StatusCode.INVALID_ACCESS_TOKEN.code(), "invalid_service_key",
                        "the " + SERVICE_KEY_HEADER + " header must carry a service key"));
            }
        } else {
            var refused = keyed(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        AppRoutes app = service.apps().get(segments.get(0));
        if (app == null) {
            return done(notFound("no app with that sku is served here"));
        }
        return app.handle(request, segments.subList(1, segments.size()));
    }

    /** @return empty when the request carries a service key in {@code Authorization: Bearer}, else the 401 */
    private java.util.Optional<CompletionStage<Reply>> keyed(ApiRequest request) {
        if (service.keys().accepts(request.bearerToken().orElse(null))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(done(Reply.error(401, StatusCode.INVALID_ACCESS_TOKEN.code(),
                "invalid_service_key", "Authorization: Bearer must carry a service key")
                .withHeader("WWW-Authenticate", "Bearer realm=\"mpauthx\"")));
    }

    private static Reply notFound(String message) {
        return Reply.error(404, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "not_found", message);
    }

    private static Reply unreadable(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return Reply.error(431, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "request_too_large",
                    "the request line or headers are too long");
        }
        return Reply.error(400, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "malformed_http",
                "the request is not valid HTTP/1.1");
    }

    static Reply failureReply(Throwable thrown) {
        Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
        if (failure instanceof MpAuthXException known) {
            return Reply.failure(known);
        }
        if (failure instanceof RejectedExecutionException) {
            return Reply.error(503, StatusCode.UNKNOWN_ERROR.code(), "overloaded", "too many calls in flight; retry");
        }
        LOG.error("a request failed unexpectedly", failure);
        return Reply.error(500, StatusCode.UNKNOWN_ERROR.code(), "internal_error", "the service failed");
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static String header(FullHttpRequest request, String name) {
        String value = request.headers().get(name);
        return value == null ? "" : value;
    }

    /** @return the reply as an HTTP response, telling the client whether the connection stays open */
    static FullHttpResponse response(Reply reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        reply.headers().forEach(response.headers()::set);
        if (!reply.contentType().isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        response.headers().set(HttpHeaderNames.CONNECTION,
                keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return response;
    }

    private void write(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
        var written = ctx.writeAndFlush(response(reply, keepAlive));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        busy = false;
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            channelRead0(ctx, next);
        } else {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
