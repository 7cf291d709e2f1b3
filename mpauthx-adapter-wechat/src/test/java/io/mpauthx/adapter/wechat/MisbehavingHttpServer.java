package io.mpauthx.adapter.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that misbehaves below what the JDK's HttpServer, and so the WeChat sandbox, can do:
 * it resets a connection after reading the request, or sends far more body than any answer should have. Each
 * request gets the next queued behaviour; the last one repeats. It counts the requests and the body bytes it
 * wrote, and whether the client hung up on a body it was still sending.
 */
final class MisbehavingHttpServer implements AutoCloseable {

    /** What the server does once it has read a request's head. */
    enum Behaviour {
        /** A jscode2session success, on a connection kept open for the next request. */
        ANSWER_SESSION,
        /** errcode 40163, as WeChat answers a code it has already used. */
        ANSWER_CODE_USED,
        /** Closes with SO_LINGER 0: the client sees "connection reset" after its request was read. */
        RESET,
        /** Announces a 400 MB body and starts sending it. */
        HUGE_CONTENT_LENGTH,
        /** A chunked body that never ends. */
        ENDLESS_CHUNKS
    }

    static final String SESSION_KEY = "c2Vzc2lvbmtleTEyMzQ1Ng==";
    static final long ANNOUNCED_LENGTH = 400_000_000L;
    /** Keeps the JVM of a test run against a gateway without a cap alive: past this the body stalls instead. */
    static final long SAFETY_BOUND = 256L << 20;
    private static final byte[] FILLER = " ".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "misbehaving-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Behaviour> behaviours;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private volatile boolean clientHungUp;
    private volatile Behaviour last;

    private MisbehavingHttpServer(List<Behaviour> behaviours) throws IOException {
        this.behaviours = new ConcurrentLinkedQueue<>(behaviours);
        this.last = behaviours.get(behaviours.size() - 1);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptConnections);
    }

    /**
     * @param behaviours how to treat the first requests, in order; the last one repeats
     * @return the running server on a free loopback port
     */
    static MisbehavingHttpServer start(Behaviour... behaviours) {
        try {
            return new MisbehavingHttpServer(Arrays.asList(behaviours));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort());
    }

    int requestCount() {
        return requests.get();
    }

    long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    /** @return true once the client closed a connection whose body the server was still sending */
    boolean clientHungUp() {
        return clientHungUp;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (readRequestHead(in)) {
                requests.incrementAndGet();
                if (!behave(nextBehaviour(), connection, out)) {
                    return;
                }
            }
        } catch (IOException brokenOrClosed) {
            // the client hung up, or the server is closing
        } finally {
            connections.remove(connection);
        }
    }

    private Behaviour nextBehaviour() {
        Behaviour next = behaviours.poll();
        if (next != null) {
            last = next;
        }
        return last;
    }

    /** @return true to read another request on this connection */
    private boolean behave(Behaviour behaviour, Socket connection, OutputStream out) throws IOException {
        switch (behaviour) {
            case ANSWER_SESSION -> answer(out, "{\"openid\":\"o-alice\",\"session_key\":\"" + SESSION_KEY + "\"}");
            case ANSWER_CODE_USED -> answer(out, "{\"errcode\":40163,\"errmsg\":\"code been used, rid: 1\"}");
            case RESET -> {
                connection.setSoLinger(true, 0);
                return false;
            }
            case HUGE_CONTENT_LENGTH -> {
                head(out, "Content-Length: " + ANNOUNCED_LENGTH);
                sendBody(connection, out, FILLER);
            }
            case ENDLESS_CHUNKS -> {
                head(out, "Transfer-Encoding: chunked");
                byte[] size = (Integer.toHexString(FILLER.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] chunk = concat(size, FILLER, "\r\n".getBytes(StandardCharsets.US_ASCII));
                sendBody(connection, out, chunk);
            }
        }
        return behaviour == Behaviour.ANSWER_SESSION || behaviour == Behaviour.ANSWER_CODE_USED;
    }

    private static void answer(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        head(out, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
    }

    private static void head(OutputStream out, String framing) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + framing + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends the piece again and again until the client hangs up, then stalls at the safety bound. */
    private void sendBody(Socket connection, OutputStream out, byte[] piece) throws IOException {
        try {
            while (bodyBytesSent.get() < SAFETY_BOUND) {
                out.write(piece);
                bodyBytesSent.addAndGet(piece.length);
            }
            out.flush();
            // stalls until the client hangs up or the server closes
            if (connection.getInputStream().read() < 0) {
                clientHungUp = true;
            }
        } catch (IOException hungUp) {
            clientHungUp = !connection.isClosed();
            throw hungUp;
        }
    }

    /** @return false at the end of the stream, true once a whole request head was read */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] joined = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
