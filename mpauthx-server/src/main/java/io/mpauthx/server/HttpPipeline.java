package io.mpauthx.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The handlers of every connection, outermost first: TLS, deadlines, HTTP decoding with its limits, the API. */
final class HttpPipeline extends ChannelInitializer<SocketChannel> {

    private final ServerSettings settings;
    private final Optional<SslContext> tls;
    private final ServiceContext service;
    private final ChannelGroup connections;

    HttpPipeline(ServerSettings settings, Optional<SslContext> tls, ServiceContext service, ChannelGroup connections) {
        this.settings = settings;
        this.tls = tls;
        this.service = service;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        var pipeline = channel.pipeline();
        tls.ifPresent(context -> pipeline.addLast(context.newHandler(channel.alloc())));
        pipeline.addLast(new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast(new CloseWhenIdle());
        pipeline.addLast(new SlowRequestGuard(settings.requestReadTimeout()));
        pipeline.addLast(new HttpServerCodec(ServerSettings.MAX_REQUEST_LINE_BYTES, ServerSettings.MAX_HEADER_BYTES,
                8192));
        pipeline.addLast(new BoundedAggregator(settings.maxBodyBytes()));
        pipeline.addLast(new ApiHandler(service));
    }

    /** A connection with no traffic either way for the idle timeout is closed: idle sockets are not kept forever. */
    private static final class CloseWhenIdle extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }
    }
}
