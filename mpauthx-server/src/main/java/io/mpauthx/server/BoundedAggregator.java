package io.mpauthx.server;

import io.mpauthx.domain.StatusCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Collects a request and its body up to the cap; a larger one (declared, or found while reading chunks) is answered
 * 413 with the service's JSON error and the connection closed, before the rest of the body is read.
 */
final class BoundedAggregator extends HttpObjectAggregator {

    private final int maxBodyBytes;

    BoundedAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        SlowRequestGuard.disarm(ctx.channel());
        Reply tooLarge = Reply.error(413, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "body_too_large",
                "the body is larger than " + maxBodyBytes + " bytes");
        ctx.writeAndFlush(ApiHandler.response(tooLarge, false)).addListener(ChannelFutureListener.CLOSE);
    }
}
