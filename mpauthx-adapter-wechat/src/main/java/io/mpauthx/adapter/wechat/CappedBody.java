package io.mpauthx.adapter.wechat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a jscode2session answer into memory, but never more than {@link #LARGEST_ANSWER} bytes. A real answer is
 * about 200 bytes; a proxy or an attacker could send 400 MB, and reading it whole would end in an
 * {@link OutOfMemoryError} on the HTTP client's own threads. A larger announced {@code Content-Length} is refused
 * before a byte of the body is read; a body without a length (chunked) is counted while it is read and cut off at
 * the cap. Either way the body fails with {@link AnswerTooLargeException} and the connection is closed. Bytes are
 * requested one buffer at a time, so the client never reads far ahead of the count.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** 64 KiB: hundreds of times a real answer, and harmless to hold. */
    static final int LARGEST_ANSWER = 64 * 1024;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final OptionalLong announcedLength;
    private Flow.Subscription subscription;

    private CappedBody(OptionalLong announcedLength) {
        this.announcedLength = announcedLength;
    }

    /**
     * @param info the status and headers of the answer
     * @return a subscriber that reads the body whole, if it fits under the cap
     */
    static CappedBody of(HttpResponse.ResponseInfo info) {
        return new CappedBody(info.headers().firstValueAsLong("Content-Length"));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (announcedLength.isPresent() && announcedLength.getAsLong() > LARGEST_ANSWER) {
            refuse(new AnswerTooLargeException("announces " + announcedLength.getAsLong() + " bytes"));
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (received.size() + (long) buffer.remaining() > LARGEST_ANSWER) {
                refuse(new AnswerTooLargeException("is longer than " + LARGEST_ANSWER + " bytes"));
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    private void refuse(AnswerTooLargeException tooLarge) {
        // cancelling makes the client close the connection instead of reading the rest to reuse it
        subscription.cancel();
        body.completeExceptionally(tooLarge);
    }

    /** The answer is larger than any jscode2session answer; the message says how large, never what it holds. */
    static final class AnswerTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        AnswerTooLargeException(String howLarge) {
            super("WeChat's jscode2session answer " + howLarge + "; answers over " + LARGEST_ANSWER
                    + " bytes are refused");
        }
    }
}
