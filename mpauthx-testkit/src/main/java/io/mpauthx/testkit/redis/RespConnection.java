package io.mpauthx.testkit.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol (RESP2) to set up clusters and sentinels: the fixtures join nodes with
 * {@code CLUSTER} and {@code SENTINEL} commands themselves, so a machine needs neither {@code redis-cli} nor a
 * Redis client library in the testkit. Not thread-safe; one per caller.
 */
final class RespConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RespConnection open(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return new RespConnection(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to redis at " + host + ":" + port, e);
        }
    }

    /** Opens a connection, sends one command and closes again. */
    static Object callOnce(String host, int port, String... command) {
        try (RespConnection connection = open(host, port)) {
            return connection.call(command);
        }
    }

    /**
     * @param command the command and its arguments
     * @return the reply: a String (status or bulk), Long, List of replies, or null
     * @throws IllegalStateException carrying Redis's error reply
     */
    Object call(String... command) {
        try {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.write(bytes);
                request.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return reply(String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException("redis at port " + socket.getPort() + " failed on " + command[0], e);
        }
    }

    private Object reply(String command) throws IOException {
        String line = line();
        String body = line.substring(1);
        return switch (line.charAt(0)) {
            case '+' -> body;
            case '-' -> throw new IllegalStateException("redis at port " + socket.getPort() + " refused "
                    + command + ": " + body);
            case ':' -> Long.parseLong(body);
            case '$' -> bulk(Integer.parseInt(body));
            case '*' -> array(Integer.parseInt(body), command);
            default -> throw new IOException("not a RESP2 reply: " + line);
        };
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private List<Object> array(int length, String command) throws IOException {
        if (length < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(reply(command));
        }
        return items;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int current = in.read(); current != -1; current = in.read()) {
            if (previous == '\r' && current == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(current);
            previous = current;
        }
        throw new IOException("redis closed the connection");
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do about a socket that will not close
        }
    }
}
