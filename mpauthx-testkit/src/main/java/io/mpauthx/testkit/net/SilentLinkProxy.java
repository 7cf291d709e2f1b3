package io.mpauthx.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of one target port. {@link #silenceOpenConnections()} makes every
 * connection open at that moment go silent: bytes from either side are read and dropped, nothing is forwarded and
 * nothing is closed, so the client sees a link that accepts what it sends and never answers (as after a host loss or
 * behind a middlebox that drops traffic; unlike a real loss, the proxy's kernel still acknowledges, so TCP
 * keepalive cannot notice it either). Connections accepted afterwards are forwarded normally, as a reconnect to a
 * healthy server would be. Thread-safe; {@link #close()} closes everything.
 */
public final class SilentLinkProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SilentLinkProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /**
     * @param targetPort the loopback port to forward to
     * @return a running proxy
     */
    public static SilentLinkProxy start(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            SilentLinkProxy proxy = new SilentLinkProxy(listener, targetPort);
            daemon(proxy::acceptLoop, "silent-link-proxy accept " + listener.getLocalPort()).start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
    }

    /** @return the loopback port clients connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, every connection open now forwards nothing in either direction; none is closed. */
    public void silenceOpenConnections() {
        links.forEach(link -> link.silent = true);
    }

    /** @return how many connections were accepted since start, silent ones included */
    public int acceptedConnections() {
        return links.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                Link link = new Link(client, target);
                links.add(link);
                daemon(() -> link.pump(client, target), "silent-link-proxy up").start();
                daemon(() -> link.pump(target, client), "silent-link-proxy down").start();
            } catch (IOException stopped) {
                if (!closed) {
                    throw new UncheckedIOException("the proxy stopped accepting", stopped);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Link link : links) {
            closeQuietly(link.client);
            closeQuietly(link.target);
        }
    }

    /** One client connection and its connection to the target. */
    private static final class Link {
        private final Socket client;
        private final Socket target;
        private volatile boolean silent;

        private Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        /** Copies until either side closes; then closes both, unless the link is silent, which never closes. */
        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException broken) {
                // one side is gone: handled below like an orderly close
            }
            if (!silent) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort in a test fixture
        }
    }

    @Override
    public String toString() {
        return "SilentLinkProxy[127.0.0.1:" + port() + " -> " + targetPort + "]";
    }
}
