package io.mpauthx.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain socket to the service, for what an HTTP client will not send: partial requests, lies, broken bytes. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    RawHttp(int port) {
        try {
            this.socket = new Socket("127.0.0.1", port);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Reads until the service closes the connection, or until the deadline; each {@code whileWaiting} call happens
     * between two reads of at most 100 ms, so a test can keep sending while it waits.
     *
     * @param deadline the longest wait
     * @param whileWaiting what to do between reads
     * @return everything the service sent
     */
    String answerUntilClosed(Duration deadline, Runnable whileWaiting) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long end = System.nanoTime() + deadline.toNanos();
        try {
            socket.setSoTimeout(100);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (System.nanoTime() - end < 0) {
                try {
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    received.write(buffer, 0, read);
                } catch (SocketTimeoutException nothingYet) {
                    whileWaiting.run();
                }
            }
        } catch (IOException closedHard) {
            // a reset after the answer: what arrived is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    String answerUntilClosed(Duration deadline) {
        return answerUntilClosed(deadline, () -> { });
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test's socket
        }
    }
}
