package io.mpauthx.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A load generator for figure 10: keep-alive HTTP/1.1 connections driven by one thread and one selector, with
 * requests built once as bytes. Chosen over wrk, which few machines have, and over the JDK's HttpClient, whose own
 * cost per call (on the same two cores as the service) would hide the difference between two routes: this driver
 * spends a write and a read per call and parses only the status and Content-Length, the same for every route, so
 * the ratio of two routes measured with it is the service's. Closed loop ({@link #saturate}) for throughput; open
 * loop at a fixed rate ({@link #atRate}) for latency, each timed from when it was due, not from when a connection
 * was free, so a stall is counted in full.
 */
final class HttpLoad {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param callsPerSecond answers read per second in the counted window
     * @param latencies the time of each call due in the counted window, from when it was due until its answer was read
     */
    record Result(double callsPerSecond, Latencies latencies) {
    }

    private final InetSocketAddress target;
    private final int connections;
    private final IntFunction<byte[]> requests;
    private final int expectedStatus;
    private final byte[] expectedInBody;

    /**
     * @param target the service
     * @param connections keep-alive connections
     * @param requests the i-th request's bytes
     * @param expectedStatus the status every answer must have
     * @param expectedInBody bytes every answer's body must hold, or none
     */
    HttpLoad(InetSocketAddress target, int connections, IntFunction<byte[]> requests, int expectedStatus,
             String expectedInBody) {
        this.target = target;
        this.connections = connections;
        this.requests = requests;
        this.expectedStatus = expectedStatus;
        this.expectedInBody = expectedInBody.getBytes(StandardCharsets.UTF_8);
    }

    Result saturate(Duration warmup, Duration measure) {
        return run(warmup, measure, Double.POSITIVE_INFINITY);
    }

    Result atRate(double callsPerSecond, Duration warmup, Duration measure) {
        return run(warmup, measure, callsPerSecond);
    }

    private Result run(Duration warmup, Duration measure, double rate) {
        try (Selector selector = Selector.open()) {
            ArrayDeque<Connection> idle = new ArrayDeque<>();
            List<Connection> all = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection connection = new Connection(SocketChannel.open(target));
                connection.channel.configureBlocking(false);
                connection.channel.register(selector, SelectionKey.OP_READ, connection);
                idle.add(connection);
                all.add(connection);
            }
            try {
                return drive(selector, idle, warmup, measure, rate);
            } finally {
                for (Connection connection : all) {
                    connection.channel.close();
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Result drive(Selector selector, ArrayDeque<Connection> idle, Duration warmup, Duration measure,
                         double rate) throws IOException {
        long start = System.nanoTime();
        long counted = start + warmup.toNanos();
        long end = counted + measure.toNanos();
        LatencySamples samples = new LatencySamples();
        long answeredInWindow = 0;
        long sent = 0;
        long now = start;
        while (now - end < 0) {
            if (Double.isInfinite(rate)) {
                while (!idle.isEmpty()) {
                    send(idle.poll(), now, sent++);
                }
            } else {
                long due = (long) ((now - start) * rate / 1e9);
                while (sent < due && !idle.isEmpty()) {
                    send(idle.poll(), start + (long) (sent * 1e9 / rate), sent++);
                }
            }
            selector.select(1);
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                if (answered(connection)) {
                    long done = System.nanoTime();
                    if (done - counted >= 0 && done - end < 0) {
                        answeredInWindow++;
                        if (connection.due - counted >= 0) {
                            samples.add(done - connection.due);
                        }
                    }
                    idle.add(connection);
                }
            }
            selector.selectedKeys().clear();
            now = System.nanoTime();
        }
        long[] nanos = new long[samples.size()];
        samples.copyInto(nanos, 0);
        return new Result(answeredInWindow / (measure.toNanos() / 1e9), Latencies.of(nanos));
    }

    private void send(Connection connection, long due, long number) throws IOException {
        connection.due = due;
        connection.answer.clear();
        ByteBuffer request = ByteBuffer.wrap(requests.apply((int) (number % Integer.MAX_VALUE)));
        while (request.hasRemaining()) {
            connection.channel.write(request);
        }
    }

    /** Reads what arrived; true once the whole answer is in, which must be the expected one. */
    private boolean answered(Connection connection) throws IOException {
        ByteBuffer answer = connection.answer;
        if (connection.channel.read(answer) < 0) {
            throw new IOException("the service closed a keep-alive connection");
        }
        byte[] bytes = answer.array();
        int headerEnd = indexOf(bytes, answer.position(), HEADER_END, 0);
        if (headerEnd < 0) {
            return false;
        }
        int bodyStart = headerEnd + HEADER_END.length;
        if (answer.position() < bodyStart + contentLength(bytes, headerEnd)) {
            return false;
        }
        int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
        if (status != expectedStatus || indexOf(bytes, answer.position(), expectedInBody, bodyStart) < 0) {
            throw new IllegalStateException("an unexpected answer: "
                    + new String(bytes, 0, answer.position(), StandardCharsets.UTF_8));
        }
        return true;
    }

    private static int contentLength(byte[] bytes, int headerEnd) {
        int at = indexOfIgnoringCase(bytes, headerEnd, CONTENT_LENGTH);
        if (at < 0) {
            return 0;
        }
        int length = 0;
        for (int i = at + CONTENT_LENGTH.length; i < headerEnd && bytes[i] != '\r'; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                length = length * 10 + bytes[i] - '0';
            }
        }
        return length;
    }

    private static int indexOf(byte[] bytes, int limit, byte[] wanted, int from) {
        if (wanted.length == 0) {
            return from;
        }
        for (int i = from; i + wanted.length <= limit; i++) {
            int j = 0;
            while (j < wanted.length && bytes[i + j] == wanted[j]) {
                j++;
            }
            if (j == wanted.length) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoringCase(byte[] bytes, int limit, byte[] lowerCase) {
        for (int i = 0; i + lowerCase.length <= limit; i++) {
            int j = 0;
            while (j < lowerCase.length && Character.toLowerCase(bytes[i + j]) == lowerCase[j]) {
                j++;
            }
            if (j == lowerCase.length) {
                return i;
            }
        }
        return -1;
    }

    /** One keep-alive connection and the answer being read on it. */
    private static final class Connection {

        final SocketChannel channel;
        final ByteBuffer answer = ByteBuffer.allocate(16 * 1024);
        long due;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }
}
