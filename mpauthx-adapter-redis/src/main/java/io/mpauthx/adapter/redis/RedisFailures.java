package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Where Lettuce's failures become the domain's: 6000, the cause kept, logged once right here. */
final class RedisFailures {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenStore.class);

    private RedisFailures() {
    }

    /**
     * @param operation what the store was doing, as in "check a token"
     * @param failure what Lettuce threw or completed a future with
     * @return the exception to throw or complete with
     */
    static MpAuthXException translate(String operation, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MpAuthXException translated) {
            return translated;
        }
        // Key names and Redis error texts carry no secret: tokens are stored by hash, passwords never echoed.
        LOG.warn("Redis failed to {}: {}", operation, cause.toString());
        LOG.debug("Redis failure details", cause);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "the token store (Redis) failed to " + operation + ": " + cause.getMessage(), cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
