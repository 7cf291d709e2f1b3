package io.mpauthx.domain.service;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.in.AuthorizeUseCase;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.in.LoginCommand.EncryptedProfile;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.util.Optional;

/** The contract's authorize, both flows. */
final class AuthorizationService implements AuthorizeUseCase {

    private final WeChatGateway weChat;
    private final Decryptor decryptor;
    private final UserRepository users;
    private final TokenIssuer tokens;

    AuthorizationService(WeChatGateway weChat, Decryptor decryptor, UserRepository users, TokenIssuer tokens) {
        this.weChat = weChat;
        this.decryptor = decryptor;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public AuthResult authorize(LoginCommand command) {
        WeChatSession session = weChat.exchangeCode(command.code());
        UserId userId = command.encryptedProfile()
                .map(profile -> registerWithProfile(session, profile))
                .orElseGet(() -> registerCodeOnly(session));
        return tokens.issueAnother(userId, command.device());
    }

    private UserId registerWithProfile(WeChatSession session, EncryptedProfile encrypted) {
        DecryptedUserInfo info = decryptor.decrypt(encrypted.encryptedData(), encrypted.iv(), session.sessionKey());
        requireSameUser(session, info);
        UserId userId = chooseUserId(info.unionId().or(session::unionId), session.openId());
        users.saveProfile(userId, info.profile());
        return userId;
    }

    /** The data must describe the user of the code, or a replayed or forged encryptedData would log in someone else. */
    private static void requireSameUser(WeChatSession session, DecryptedUserInfo info) {
        if (!session.openId().equals(info.openId())) {
            throw new MpAuthXException(StatusCode.OPENID_OR_UNIONID_NOT_MATCH,
                    "the openId in the decrypted user data is not the openid WeChat returned for the code");
        }
        Optional<String> unionIdOfTheCode = session.unionId().filter(id -> !id.isEmpty());
        Optional<String> unionIdInTheData = info.unionId().filter(id -> !id.isEmpty());
        if (unionIdOfTheCode.isPresent() && unionIdInTheData.isPresent()
                && !unionIdOfTheCode.equals(unionIdInTheData)) {
            throw new MpAuthXException(StatusCode.OPENID_OR_UNIONID_NOT_MATCH,
                    "the unionId in the decrypted user data is not the unionid WeChat returned for the code");
        }
    }

    private UserId registerCodeOnly(WeChatSession session) {
        UserId userId = chooseUserId(session.unionId(), session.openId());
        users.registerIfAbsent(userId);
        return userId;
    }

    /** The unionId spans every app of the company, so it wins over the per-app openId (as in the original). */
    private static UserId chooseUserId(Optional<String> unionId, String openId) {
        return UserId.parse(unionId.filter(id -> !id.isEmpty()).orElse(openId)).orElseThrow(() ->
                new MpAuthXException(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                        "WeChat returned a user id outside [A-Za-z0-9_-]{1,128}"));
    }
}
