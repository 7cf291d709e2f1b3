package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;

import java.util.List;
import java.util.Optional;

/**
 * The registered users, by {@link UserId}.
 * The repository stamps {@code createdAt}/{@code updatedAt} itself.
 *
 * <p>Every method throws {@link MpAuthXException} with {@link io.mpauthx.domain.StatusCode#DATABASE_RELATED_ERROR}
 * when the database failed. A method that returned has made its write durable. Implementations are thread-safe.
 */
public interface UserRepository extends AutoCloseable {

    /**
     * Inserts the user with this profile, or replaces the profile of the existing user (keeping {@code createdAt}).
     *
     * @param userId the user's id
     * @param profile the profile from the decrypted user data
     */
    void saveProfile(UserId userId, UserProfile profile);

    /**
     * Inserts the user without a profile if it is new; leaves an existing user untouched.
     *
     * @param userId the user's id
     */
    void registerIfAbsent(UserId userId);

    /**
     * Stores the phone number on a registered user, replacing the one stored before; the profile stays as it is.
     *
     * @param userId the user's id
     * @param phone the number WeChat gave for the user
     * @return true if the user was registered and now holds the number; false (nothing written) if not
     */
    boolean savePhone(UserId userId, PhoneNumber phone);

    /**
     * @param userId the user's id
     * @return the user, or empty if never registered
     */
    Optional<User> find(UserId userId);

    /**
     * @param userId the user's id
     * @return true if the user was registered
     */
    default boolean exists(UserId userId) {
        return find(userId).isPresent();
    }

    /**
     * Writes the user exactly as given, its timestamps included: for copying users from one store to another
     * (admin tools). Running the same copy again changes nothing.
     *
     * <p>The default keeps the promise for the profile and the phone number but stamps its own times; the built-in
     * stores keep the given times.
     *
     * @param user the user as another store holds it
     * @return what the copy did: the id was new, the stored user differed, or it was already the same
     */
    default ImportOutcome importUser(User user) {
        Optional<User> existing = find(user.id());
        if (existing.isPresent() && existing.get().profile().equals(user.profile())
                && existing.get().phone().equals(user.phone())) {
            return ImportOutcome.UNCHANGED;
        }
        user.profile().ifPresentOrElse(profile -> saveProfile(user.id(), profile),
                () -> registerIfAbsent(user.id()));
        user.phone().ifPresent(phone -> savePhone(user.id(), phone));
        return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.INSERTED;
    }

    /** What {@link #importUser} did. */
    enum ImportOutcome {
        /** The id was new: the user was added. */
        INSERTED,
        /** The store held the id with other data: it now holds the given user. */
        UPDATED,
        /** The store held the same user already. */
        UNCHANGED
    }

    /**
     * Pages through every user in id order, for admin tools.
     *
     * @param offset how many users to skip, at least 0
     * @param limit the most users to return, at least 1
     * @return up to {@code limit} users
     */
    List<User> list(int offset, int limit);

    /** Releases connections. Idempotent; afterwards every call fails with 6000. */
    @Override
    void close();
}
