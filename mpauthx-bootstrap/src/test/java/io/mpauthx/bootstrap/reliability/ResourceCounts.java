package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The resources a leak would grow: live threads of the library (the test's own sandbox threads excluded) and
 * client connections to Redis, counted with a raw {@code CLIENT LIST} so that counting adds no client library.
 */
final class ResourceCounts {

    private ResourceCounts() {
    }

    /** @return live threads, without the WeChat sandbox's: it is the test's stand-in for WeChat, not the library */
    static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !thread.getName().startsWith("wechat-sandbox"))
                .count();
    }

    /**
     * Waits until the thread count is back within {@code slack} of {@code baseline}: pools wind down after a burst.
     *
     * @return the count when it got there
     */
    static long threadsSettleTo(long baseline, int slack, Duration deadline) {
        Await.until(deadline, () -> threads() <= baseline + slack,
                "thread count back within " + slack + " of " + baseline);
        return threads();
    }

    /** @return the clients connected to the server, not counting the connection that asks */
    static int redisClients(LocalRedisServer redis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.host(), redis.port()), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("CLIENT LIST\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String header = readLine(in);
            if (!header.startsWith("$")) {
                throw new IllegalStateException("CLIENT LIST answered " + header);
            }
            byte[] list = new byte[Integer.parseInt(header.substring(1))];
            in.readFully(list);
            return (int) new String(list, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask " + redis + " for its clients", e);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
