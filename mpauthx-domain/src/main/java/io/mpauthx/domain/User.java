package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user as the user repository holds it. {@link #toString()} shows no phone number.
 *
 * @param id the unionId when WeChat gave one, else the openId (the original calls both "openId")
 * @param profile the stored profile; empty for users who only ever logged in with a code
 * @param createdAt when the user was first registered ({@link Instant#EPOCH} for rows the original wrote)
 * @param updatedAt when the row last changed
 * @param phone the phone number the user shared with the phone-number button; empty until they did
 */
public record User(UserId id, Optional<UserProfile> profile, Instant createdAt, Instant updatedAt,
                   Optional<PhoneNumber> phone) {

    /** Checks that no component is null. */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(phone, "phone");
    }

    /**
     * A user who has not shared a phone number.
     *
     * @param id the user's id
     * @param profile the stored profile, or empty
     * @param createdAt when the user was first registered
     * @param updatedAt when the row last changed
     */
    public User(UserId id, Optional<UserProfile> profile, Instant createdAt, Instant updatedAt) {
        this(id, profile, createdAt, updatedAt, Optional.empty());
    }
}
