package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt, bounded by the call's deadline as a whole: the JDK's request timeout stops waiting for the
 * headers, but not for a body that trickles or stalls, so the wait for the complete response is bounded here.
 * A connection that was never made, or a timeout, is a failed request (6006); a connection that broke once made is a
 * broken answer (6005), whether or not the headers had arrived, because WeChat may have seen the request. A body
 * over {@link CappedBody#LARGEST_ANSWER} is not what a WeChat API answers (6004).
 */
final class Exchange {

    private final HttpClient client;
    private final HttpRequest request;
    private final String api;
    private volatile boolean headersArrived;

    /**
     * @param api the API's name for messages, such as {@code jscode2session}; the request's URL (which carries
     *     secrets) is never named
     */
    Exchange(HttpClient client, HttpRequest request, String api) {
        this.client = client;
        this.request = request;
        this.api = api;
    }

    /**
     * @return the complete response, whatever its status
     * @throws MpAuthXException 6004 if the body is too large, 6005 if the connection broke once made, 6006 if none
     *         was made, or the call timed out or was interrupted
     */
    HttpResponse<byte[]> await(Deadline deadline) {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, this::bodyOf);
        try {
            return response.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            response.cancel(true);
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "WeChat did not answer " + api + " in time", late);
        } catch (InterruptedException interrupted) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "interrupted while waiting for " + api, interrupted);
        } catch (ExecutionException failed) {
            throw translated(failed.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyOf(HttpResponse.ResponseInfo info) {
        headersArrived = true;
        return CappedBody.of(info);
    }

    private MpAuthXException translated(Throwable failure) {
        // the JDK's messages name neither the URL nor its query, so keeping the cause keeps no secret
        String kind = failure.getClass().getSimpleName();
        Optional<CappedBody.AnswerTooLargeException> tooLarge = causeOfType(failure,
                CappedBody.AnswerTooLargeException.class);
        if (tooLarge.isPresent()) {
            // the answer came whole as far as HTTP goes; it is just not what the API answers
            return new MpAuthXException(StatusCode.JSON_PARSED_ERROR, tooLarge.get().getMessage(), failure);
        }
        if (neverConnected(failure)) {
            return new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "could not connect to WeChat's " + api + " (" + kind + ")", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "WeChat did not answer " + api + " in time (" + kind + ")", failure);
        }
        if (failure instanceof SSLHandshakeException) {
            return new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "could not open a secure connection to WeChat's " + api + " (" + kind + ")", failure);
        }
        if (headersArrived) {
            return new MpAuthXException(StatusCode.HTTP_RESPONSE_ERROR_EVENT,
                    api + "'s answer broke while being read (" + kind + ")", failure);
        }
        return new MpAuthXException(StatusCode.HTTP_RESPONSE_ERROR_EVENT, "the connection to WeChat broke after "
                + "the request was sent, before any answer; WeChat may have used the code (" + kind + ")", failure);
    }

    /**
     * Only a connection that was never made proves that WeChat never saw the request. The JDK reports a refused or
     * unresolvable connection as a {@link ConnectException} and a connection not made in time as an
     * {@link HttpConnectTimeoutException}.
     *
     * @param failure how an attempt failed
     * @return true if no connection was made, so WeChat cannot have seen the request
     */
    static boolean neverConnected(Throwable failure) {
        return causeOfType(failure, ConnectException.class).isPresent()
                || causeOfType(failure, HttpConnectTimeoutException.class).isPresent();
    }

    /** The JDK reports some failures as they are and wraps others, so the whole chain is searched. */
    private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
