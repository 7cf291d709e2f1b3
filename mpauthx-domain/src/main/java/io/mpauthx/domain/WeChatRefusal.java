package io.mpauthx.domain;

import java.util.Optional;

/**
 * Why WeChat refused a call with an {@code errcode} (status code 6008), for backends that answer each case
 * differently. {@link MpAuthXException#weChatRefusal()} names it; {@link MpAuthXException#weChatErrorCode()} still
 * gives the raw number.
 */
public enum WeChatRefusal {
    /** 40029: the code is not one WeChat issued (or belongs to another app). The phone calls wx.login again. */
    INVALID_CODE(40029, false, 401),
    /** 40163: the code was used already; each code works once. The phone calls wx.login again. */
    CODE_ALREADY_USED(40163, false, 401),
    /** 45011: too many logins of this user (WeChat allows about 100 a minute). Retry later. */
    RATE_LIMITED(45011, true, 429),
    /** 40226: WeChat blocked the user as high-risk. Not retryable. */
    USER_BLOCKED(40226, false, 403),
    /** -1: WeChat is busy; retried twice already within the request timeout. Retry later. */
    BUSY(-1, true, 503),
    /** Any other errcode. */
    OTHER(0, false, 401);

    private final int errcode;
    private final boolean retryable;
    private final int httpStatus;

    WeChatRefusal(int errcode, boolean retryable, int httpStatus) {
        this.errcode = errcode;
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    /**
     * @param errcode WeChat's errcode
     * @return the refusal it names; {@link #OTHER} for an errcode without a constant here
     */
    public static WeChatRefusal of(int errcode) {
        for (WeChatRefusal refusal : values()) {
            if (refusal != OTHER && refusal.errcode == errcode) {
                return refusal;
            }
        }
        return OTHER;
    }

    /** @return the errcode this refusal stands for; empty for {@link #OTHER} */
    public Optional<Integer> errcode() {
        return this == OTHER ? Optional.empty() : Optional.of(errcode);
    }

    /** @return true if the same call may succeed later; false if the phone must get a new code or give up */
    public boolean isRetryable() {
        return retryable;
    }

    /** @return the HTTP status a backend suggests to its client */
    public int httpStatus() {
        return httpStatus;
    }
}
