package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;

/** WeChat's {@code getuserphonenumber}: turns the one-time code of the phone-number button into the number. */
public interface PhoneNumbers {

    /**
     * @param phoneCode the one-time code the button gave the Mini Program; not blank; a secret
     * @param accessToken the app's current {@code access_token}; a secret
     * @return the number WeChat holds for the user who pressed the button
     * @throws MpAuthXException 6002–6006 for transport and format failures, 6008 with WeChat's errcode when WeChat
     *     refused (40029 invalid, used or expired code; 45011 rate limit; -1 busy after the retries; 40001 or 42001
     *     for an access_token WeChat no longer accepts)
     */
    PhoneNumber exchange(String phoneCode, String accessToken);
}
