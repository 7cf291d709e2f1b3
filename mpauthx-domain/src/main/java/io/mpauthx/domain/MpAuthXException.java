package io.mpauthx.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one failure type of mpauthx: every failing entry point throws this, carrying a {@link StatusCode}
 * of the contract and, for WeChat failures, WeChat's own {@code errcode}. Messages never contain a secret.
 */
public class MpAuthXException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int NO_WECHAT_ERROR_CODE = Integer.MIN_VALUE;

    private final StatusCode statusCode;
    private final String reason;
    private final int weChatErrorCode;

    /**
     * @param statusCode what kind of failure this is; never {@link StatusCode#SUCCESS}
     * @param message what was wrong, free of secrets
     */
    public MpAuthXException(StatusCode statusCode, String message) {
        this(statusCode, message, null);
    }

    /**
     * @param statusCode what kind of failure this is; never {@link StatusCode#SUCCESS}
     * @param message what was wrong, free of secrets
     * @param cause the technical failure translated into this one, kept for operators; may be null
     */
    public MpAuthXException(StatusCode statusCode, String message, Throwable cause) {
        this(statusCode, message, cause, NO_WECHAT_ERROR_CODE);
    }

    private MpAuthXException(StatusCode statusCode, String message, Throwable cause, int weChatErrorCode) {
        super(Objects.requireNonNull(statusCode, "statusCode").code() + " " + message, cause);
        if (statusCode == StatusCode.SUCCESS) {
            throw new IllegalArgumentException("SUCCESS is not a failure");
        }
        this.statusCode = statusCode;
        this.reason = message;
        this.weChatErrorCode = weChatErrorCode;
    }

    /**
     * A failure reported by WeChat itself with an {@code errcode}.
     *
     * @param statusCode the contract's code for it, normally {@link StatusCode#SESSION_KEY_AND_OPENID_REQUEST_ERROR}
     * @param weChatErrorCode WeChat's {@code errcode}, such as 40163
     * @param message what happened, free of secrets
     * @return the exception to throw
     */
    public static MpAuthXException fromWeChat(StatusCode statusCode, int weChatErrorCode, String message) {
        return new MpAuthXException(statusCode, message, null, weChatErrorCode);
    }

    /** @return what was wrong, as given, without the status number that {@link #getMessage()} starts with */
    public String reason() {
        return reason;
    }

    /** @return the contract's status code of this failure */
    public StatusCode statusCode() {
        return statusCode;
    }

    /** @return WeChat's {@code errcode} when WeChat reported this failure, else empty */
    public OptionalInt weChatErrorCode() {
        return weChatErrorCode == NO_WECHAT_ERROR_CODE ? OptionalInt.empty() : OptionalInt.of(weChatErrorCode);
    }

    /** @return why WeChat refused, when WeChat reported this failure with an errcode, else empty */
    public Optional<WeChatRefusal> weChatRefusal() {
        return weChatErrorCode == NO_WECHAT_ERROR_CODE ? Optional.empty()
                : Optional.of(WeChatRefusal.of(weChatErrorCode));
    }

    /**
     * Whether the same call may succeed if made again later, unchanged: a store that was down (6000), WeChat
     * unreachable, slow or garbled (6002–6006), WeChat busy or rate-limiting (6008 with -1 or 45011). Not for bad
     * input, a refused or used code (the phone must call {@code wx.login()} again), a blocked user, a missing user,
     * or undecryptable data.
     *
     * @return true if retrying later is sensible
     */
    public boolean isRetryable() {
        return switch (statusCode) {
            case DATABASE_RELATED_ERROR, HTTP_ERROR, RESPONSE_IS_NULL, JSON_PARSED_ERROR, HTTP_RESPONSE_ERROR_EVENT,
                    HTTP_REQUEST_ERROR_EVENT -> true;
            case SESSION_KEY_AND_OPENID_REQUEST_ERROR -> weChatRefusal().map(WeChatRefusal::isRetryable).orElse(false);
            default -> false;
        };
    }

    /**
     * @return the HTTP status a backend suggests to its client: the status code's ({@link StatusCode#httpStatus()}),
     *     refined by WeChat's refusal for 6008 (429 rate limit, 403 blocked user, 503 busy)
     */
    public int httpStatus() {
        return weChatRefusal().map(WeChatRefusal::httpStatus).orElse(statusCode.httpStatus());
    }
}
