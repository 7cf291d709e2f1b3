package io.mpauthx.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one failure type of mpauthx: every failing entry point throws this, carrying a {@link StatusCode}
 * of the contract and, for WeChat failures, WeChat's own {@code errcode}. Messages never contain a secret.
 */
public class MpAuthXException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int NO_WECHAT_ERROR_CODE = Integer.MIN_VALUE;

    private final StatusCode statusCode;
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

    /** @return the contract's status code of this failure */
    public StatusCode statusCode() {
        return statusCode;
    }

    /** @return WeChat's {@code errcode} when WeChat reported this failure, else empty */
    public OptionalInt weChatErrorCode() {
        return weChatErrorCode == NO_WECHAT_ERROR_CODE ? OptionalInt.empty() : OptionalInt.of(weChatErrorCode);
    }
}
