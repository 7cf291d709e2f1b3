package io.mpauthx.testkit.wechat;

/**
 * A way the sandbox can answer instead of the normal reply of any of its endpoints, to drive each failure path of a
 * client. Queued with {@link WeChatSandbox#failNext(WeChatFault)}; a faulted request never uses up its code.
 */
public enum WeChatFault {
    /** HTTP 200 with {@code {"errcode":-1,"errmsg":"system error"}}: WeChat is busy, a retry may succeed. */
    SYSTEM_BUSY,
    /** HTTP 200 with errcode 45011: the user called jscode2session more than 100 times a minute. */
    RATE_LIMITED,
    /** HTTP 200 with errcode 40226: WeChat blocks this user as high-risk. */
    HIGH_RISK_USER,
    /**
     * HTTP 200 with errcode 40001: the access_token a server API call carried is not (or no longer) valid, as when
     * another client fetched a new one behind the caller's back.
     */
    INVALID_ACCESS_TOKEN,
    /** HTTP 500 with an HTML page, as WeChat's gateway answers when the backend is down. */
    SERVER_ERROR,
    /** HTTP 200 with an HTML page instead of JSON, as a captive portal or a misrouted proxy answers. */
    HTML_PAGE,
    /** HTTP 200 with an empty body. */
    EMPTY_BODY,
    /** HTTP 200 announcing a body of 1024 bytes, then the connection closes after a few of them. */
    BROKEN_BODY,
    /**
     * The request is read, then the connection closes before any response byte is sent: the client cannot tell
     * whether WeChat used the code, so it must not ask again.
     */
    CONNECTION_RESET,
    /** Reads the request and never answers, until the sandbox closes. */
    STALL
}
