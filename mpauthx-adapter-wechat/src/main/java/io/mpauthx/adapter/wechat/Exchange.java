package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt, bounded by the call's deadline as a whole: the JDK's request timeout stops waiting for the
 * headers, but not for a body that trickles or stalls, so the wait for the complete response is bounded here.
 * Whether the headers had arrived tells a broken read (6005) from a failed request (6006).
 */
final class Exchange {

    private final HttpClient client;
    private final HttpRequest request;
    private volatile boolean headersArrived;

    Exchange(HttpClient client, HttpRequest request) {
        this.client = client;
        this.request = request;
    }

    /**
     * @return the complete response, whatever its status
     * @throws MpAuthXException 6005 if the body broke, 6006 if the request failed, timed out or was interrupted
     */
    HttpResponse<byte[]> await(Deadline deadline) {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, this::bodyOf);
        try {
            return response.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            response.cancel(true);
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "WeChat did not answer jscode2session in time", late);
        } catch (InterruptedException interrupted) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "interrupted while waiting for jscode2session", interrupted);
        } catch (ExecutionException failed) {
            throw translated(failed.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyOf(HttpResponse.ResponseInfo info) {
        headersArrived = true;
        return HttpResponse.BodySubscribers.ofByteArray();
    }

    private MpAuthXException translated(Throwable failure) {
        // the JDK's messages name neither the URL nor its query, so keeping the cause keeps no secret
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof HttpTimeoutException) {
            return new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "WeChat did not answer jscode2session in time (" + kind + ")", failure);
        }
        if (headersArrived) {
            return new MpAuthXException(StatusCode.HTTP_RESPONSE_ERROR_EVENT,
                    "jscode2session's answer broke while being read (" + kind + ")", failure);
        }
        return new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                "could not reach WeChat's jscode2session (" + kind + ")", failure);
    }
}
