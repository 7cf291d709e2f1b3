package io.mpauthx.domain.port.in;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;

/** The phone-number button: its one-time code in, the user's number stored and out. */
public interface PhoneNumberUseCase {

    /**
     * Exchanges the code with WeChat (with the app's shared {@code access_token}) and stores the number on the user.
     *
     * @param userId the user's unionId or openId, as their token names it
     * @param phoneCode the one-time code of the phone-number button
     * @return the number
     * @throws MpAuthXException 6001 for a blank argument, 6010 for an unknown user, 6008 with WeChat's errcode when
     *     WeChat refused the code, 6002–6006 when WeChat cannot be reached or answers badly, 6000 when a store failed
     */
    PhoneNumber phoneNumber(String userId, String phoneCode);
}
