package io.mpauthx.adapter.wechat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The empty body of one jscode2session request, which lets that request be written once only.
 *
 * <p>The JDK's HttpClient sends a GET again by itself, once, when the connection closes or resets before the first
 * byte of the answer, although the request was already written: WeChat may have used the code, and the second
 * request would turn the broken connection into a misleading errcode 40163. No setting of one client turns that
 * off. An HTTP/1.1 exchange asks the body for its length just before it writes the request line, so refusing the
 * second question stops the second request before any byte of it is written; the attempt then fails with
 * {@link ResendRefusedException}. The client is pinned to HTTP/1.1 so that this is the path taken.
 */
final class SingleSendBody implements BodyPublisher {

    private final BodyPublisher empty = HttpRequest.BodyPublishers.noBody();
    private final AtomicBoolean written = new AtomicBoolean();

    /**
     * @return 0, the first time
     * @throws ResendRefusedException every later time: the client is about to write the request again
     */
    @Override
    public long contentLength() {
        if (written.getAndSet(true)) {
            throw new ResendRefusedException();
        }
        return 0;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        empty.subscribe(subscriber);
    }

    /** The HTTP client was about to write a request again that it had written already; it was stopped. */
    static final class ResendRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ResendRefusedException() {
            super("the HTTP client's own retry of a request already written was refused");
        }
    }
}
