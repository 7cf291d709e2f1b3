package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.WeChatSession;

/**
 * WeChat's {@code jscode2session}: turns the one-time code of {@code wx.login()} into an identity.
 */
public interface WeChatGateway {

    /**
     * @param jsCode the one-time code from the phone; not blank
     * @return the session; its openid and unionid are in {@code [A-Za-z0-9_-]{1,128}}
     * @throws MpAuthXException 6002–6006 for transport and format failures, 6008 (with WeChat's errcode) when
     *         WeChat refused the code or returned an id outside the token alphabet
     */
    WeChatSession exchangeCode(String jsCode);
}
