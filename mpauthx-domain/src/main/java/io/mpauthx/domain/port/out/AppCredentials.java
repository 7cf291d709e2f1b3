package io.mpauthx.domain.port.out;

import io.mpauthx.domain.AppAccessToken;
import io.mpauthx.domain.MpAuthXException;

/**
 * WeChat's {@code stable_token}: the app's server credential (its {@code access_token}) for the server APIs, fetched
 * with the app id and secret. Asking without force hands out the token WeChat holds while it is valid, so callers
 * that ask at once do not invalidate each other; a forced fetch replaces it.
 */
public interface AppCredentials {

    /**
     * @param forceRefresh true to make WeChat replace its current token (after WeChat rejected it); WeChat allows
     *     this only a few times a day
     * @return the token and how long it lives
     * @throws MpAuthXException 6002–6006 for transport and format failures, 6008 with WeChat's errcode when WeChat
     *     refused (a wrong app secret, a forced refresh too soon)
     */
    AppAccessToken fetchStableToken(boolean forceRefresh);
}
