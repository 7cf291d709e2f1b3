package io.mpauthx.server;

import io.mpauthx.domain.StatusCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of reading one request: armed by its first byte, disarmed when the whole request has arrived
 * ({@link #disarm}). A client trickling its headers or body (slowloris) is answered 408 and cut off when it
 * expires, whatever it sends meanwhile; an idle keep-alive connection is the idle timeout's business.
 */
final class SlowRequestGuard extends ChannelDuplexHandler {

    private static final AttributeKey<ScheduledFuture<?>> DEADLINE = AttributeKey.valueOf("mpauthx.requestDeadline");
    private static final byte[] TIMED_OUT = timedOut();

    private final long timeoutNanos;

    SlowRequestGuard(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        var deadline = ctx.channel().attr(DEADLINE);
        if (deadline.get() == null) {
            deadline.set(ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS));
        }
        ctx.fireChannelRead(message);
    }

    /** The request has arrived whole: its deadline no longer applies. Called on the channel's event loop. */
    static void disarm(Channel channel) {
        ScheduledFuture<?> deadline = channel.attr(DEADLINE).getAndSet(null);
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private static void expire(ChannelHandlerContext ctx) {
        ctx.channel().attr(DEADLINE).set(null);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm(ctx.channel());
        ctx.fireChannelInactive();
    }

    private static byte[] timedOut() {
        String body = "{\"status_code\":" + StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code()
                + ",\"status_message\":\"the request did not arrive in time\",\"response\":null,"
                + "\"error\":\"request_timeout\"}";
        return ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
