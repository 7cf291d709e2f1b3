package io.mpauthx.domain.service;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.in.PhoneNumberUseCase;
import io.mpauthx.domain.port.out.PhoneNumbers;
import io.mpauthx.domain.port.out.UserRepository;

/** The phone-number button's code exchanged with WeChat and the number stored on the user. */
final class PhoneNumberService implements PhoneNumberUseCase {

    private final PhoneNumbers weChat;
    private final SharedAccessTokenProvider accessToken;
    private final UserRepository users;

    PhoneNumberService(PhoneNumbers weChat, SharedAccessTokenProvider accessToken, UserRepository users) {
        this.weChat = weChat;
        this.accessToken = accessToken;
        this.users = users;
    }

    @Override
    public PhoneNumber phoneNumber(String userId, String phoneCode) {
        KnownUsers.requireText(userId, "userId");
        KnownUsers.requireText(phoneCode, "phoneCode");
        UserId user = KnownUsers.registered(users, userId);
        PhoneNumber phone = accessToken.call(token -> weChat.exchange(phoneCode, token));
        if (!users.savePhone(user, phone)) {
            throw KnownUsers.unknown();
        }
        return phone;
    }
}
