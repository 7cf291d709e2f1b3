package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * mpauthx as an HTTP service: logins, token checks and revocations of one or more mini programs as a JSON API
 * under {@code /v1/apps/{sku}/}, for backends in any language and for API gateways. Start it with
 * {@link #start(ServerSettings, Map)} (or from configuration with {@link ServeConfiguration}); {@link #close()}
 * stops accepting, lets calls in flight finish and closes the apps.
 */
public final class MpAuthXServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MpAuthXServer.class);

    private final ServerSettings settings;
    private final Map<String, MpAuthX> apps;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ExecutorService blocking;
    private final ChannelGroup connections;
    private final Drain drain;
    private final Channel listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MpAuthXServer(ServerSettings settings, Map<String, MpAuthX> apps) {
        this.settings = settings;
        this.apps = new LinkedHashMap<>(apps);
        this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("mpauthx-http-accept", true));
        this.workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("mpauthx-http", true));
        this.blocking = new ThreadPoolExecutor(settings.blockingThreads(), settings.blockingThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(ServerSettings.DEFAULT_MAX_QUEUED_CALLS),
                new DefaultThreadFactory("mpauthx-call", true), new ThreadPoolExecutor.AbortPolicy());
        this.connections = new DefaultChannelGroup("mpauthx-connections", GlobalEventExecutor.INSTANCE);
        this.drain = new Drain();
        Map<String, AppRoutes> routes = new HashMap<>();
        apps.forEach((sku, app) -> routes.put(sku, new AppRoutes(app, sku, blocking)));
        ServiceContext service = new ServiceContext(routes, new ServiceKeys(settings.serviceKeys()), blocking, drain,
                new Readiness(apps), new RequestMetrics(), openApiDocument());
        this.listener = listen(new HttpPipeline(settings, tls(settings), service, connections));
    }

    /**
     * Listens and serves the given apps until {@link #close()}; the server owns the apps from now on and closes
     * them with itself.
     *
     * @param settings address, keys and limits
     * @param apps the mini programs served, by their sku (the sku in each path)
     * @return the running server
     * @throws MpAuthXException 6001 when no app is given, a sku is not the app's, TLS files cannot be read or the
     *     address cannot be listened on
     */
    public static MpAuthXServer start(ServerSettings settings, Map<String, MpAuthX> apps) {
        Objects.requireNonNull(settings, "settings");
        if (apps == null || apps.isEmpty()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "at least one app must be served");
        }
        return new MpAuthXServer(settings, apps);
    }

    private Channel listen(HttpPipeline pipeline) {
        try {
            Channel channel = new ServerBootstrap().group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(pipeline)
                    .bind(settings.bind(), settings.port()).sync().channel();
            LOG.info("mpauthx serves {} on {}{}", apps.keySet(), channel.localAddress(),
                    settings.tlsCertificate().isPresent() ? " (TLS)" : "");
            return channel;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopThreads();
            throw new MpAuthXException(StatusCode.UNKNOWN_ERROR, "interrupted while starting to listen");
        } catch (RuntimeException cannotListen) {
            stopThreads();
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "cannot listen on "
                    + settings.bind() + ":" + settings.port() + ": " + cannotListen.getMessage(), cannotListen);
        }
    }

    /** @return the address the service listens on, with the port actually bound */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** @return the port the service listens on */
    public int port() {
        return address().getPort();
    }

    /**
     * Stops accepting connections, waits up to the shutdown grace for calls in flight, closes every connection and
     * the apps. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        if (!drain.drain(settings.shutdownGrace())) {
            LOG.warn("{} calls still in flight after {}; closing anyway", drain.inFlight(), settings.shutdownGrace());
        }
        connections.close().awaitUninterruptibly();
        stopThreads();
        apps.values().forEach(MpAuthX::close);
        LOG.info("mpauthx service stopped");
    }

    private void stopThreads() {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        blocking.shutdown();
        try {
            if (!blocking.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                blocking.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            blocking.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<SslContext> tls(ServerSettings settings) {
        if (settings.tlsCertificate().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SslContextBuilder.forServer(settings.tlsCertificate().get().toFile(),
                    settings.tlsPrivateKey().orElseThrow().toFile()).build());
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    "cannot read the TLS certificate or key (PEM, PKCS#8 key): " + unreadable.getMessage(), unreadable);
        }
    }

    private static byte[] openApiDocument() {
        try (InputStream document = MpAuthXServer.class.getResourceAsStream("openapi.json")) {
            return Objects.requireNonNull(document, "openapi.json is packaged beside this class").readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public String toString() {
        return "MpAuthXServer[" + apps.keySet() + (closed.get() ? ", closed" : "") + "]";
    }
}
