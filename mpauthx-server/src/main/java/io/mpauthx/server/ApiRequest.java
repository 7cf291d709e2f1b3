package io.mpauthx.server;

import io.mpauthx.domain.StatusCode;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a route needs of a request, free of the HTTP library's types.
 *
 * @param method the HTTP method
 * @param contentType the Content-Type header, or empty
 * @param authorization the Authorization header, or empty
 * @param bodyBytes the body's bytes
 */
record ApiRequest(String method, String contentType, String authorization, ByteBuffer bodyBytes) {

    private static final String BEARER = "bearer ";

    /**
     * @return the body as a flat JSON object
     * @throws BadRequest when it is not one, or is declared as another media type
     */
    FlatJsonObject body() {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.isEmpty() && !mediaType.equals(Reply.JSON)) {
            throw new BadRequest(415, "unsupported_media_type", "the body must be application/json");
        }
        return FlatJsonObject.parse(bodyBytes.duplicate());
    }

    /** @return the token of an {@code Authorization: Bearer} header, or empty */
    Optional<String> bearerToken() {
        return bearer(authorization);
    }

    static Optional<String> bearer(String header) {
        if (header.length() > BEARER.length() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }

    /**
     * @param wanted the method a route takes
     * @return empty when the request used it, else the 405 answer naming it
     */
    Optional<CompletionStage<Reply>> expect(String wanted) {
        if (method.equals(wanted)) {
            return Optional.empty();
        }
        return Optional.of(CompletableFuture.completedFuture(methodNotAllowed(wanted)));
    }

    static Reply methodNotAllowed(String wanted) {
        return Reply.error(405, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "method_not_allowed",
                "this route takes " + wanted).withHeader("Allow", wanted);
    }

    @Override
    public String toString() {
        // the Authorization header carries a key or a token: never shown
        return "ApiRequest[" + method + ", " + bodyBytes.remaining() + " bytes]";
    }
}
