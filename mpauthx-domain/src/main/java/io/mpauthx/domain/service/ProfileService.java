package io.mpauthx.domain.service;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.in.UpdateProfileUseCase;
import io.mpauthx.domain.port.out.UserRepository;

/** What the avatar and nickname fill-in widgets gave, checked and stored over the user's profile. */
final class ProfileService implements UpdateProfileUseCase {

    private final UserRepository users;

    ProfileService(UserRepository users) {
        this.users = users;
    }

    @Override
    public User updateProfile(String userId, String nickName, String avatarUrl) {
        KnownUsers.requireText(userId, "userId");
        ProfileFillIn.checkNickName(nickName);
        ProfileFillIn.checkAvatarUrl(avatarUrl);
        UserId id = KnownUsers.registered(users, userId);
        User before = users.find(id).orElseThrow(KnownUsers::unknown);
        UserProfile profile = before.profile()
                .map(stored -> new UserProfile(nickName, stored.gender(), stored.language(), stored.city(),
                        stored.province(), stored.country(), avatarUrl))
                .orElseGet(() -> new UserProfile(nickName, 0, "", "", "", "", avatarUrl));
        users.saveProfile(id, profile);
        return users.find(id).orElseThrow(KnownUsers::unknown);
    }
}
