package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;

/**
 * The safety net of "nothing else escapes", for the facade's blocking calls and its asynchronous answers alike: a
 * bug in an adapter reaches callers as 9999, logged once here under the facade's logger.
 */
final class FacadeFailures {

    private static final Logger LOG = LoggerFactory.getLogger(MpAuthX.class);

    private FacadeFailures() {
    }

    /**
     * @param failure what a use case threw, or what a store's stage failed with
     * @return the {@link MpAuthXException} itself, also from inside a {@link CompletionException}; else 9999
     *     carrying the failure as its cause
     * @throws Error an error is passed on as it is, never dressed as a status code
     */
    static MpAuthXException asMpAuthXException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MpAuthXException known) {
            return known;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        LOG.error("unexpected failure inside mpauthx ({})", cause.getClass().getName(), cause);
        return new MpAuthXException(StatusCode.UNKNOWN_ERROR,
                "unexpected " + cause.getClass().getSimpleName() + " inside mpauthx", cause);
    }
}
