package io.mpauthx.domain.testing;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simplest user repository that keeps the port's promises: one lock and a sorted map. For the domain's own
 * tests of its use cases; the adapters have the real ones.
 */
public final class FakeUserRepository implements UserRepository {

    private final Clock clock;
    private final TreeMap<UserId, User> users = new TreeMap<>();
    private boolean closed;

    /** @param clock what "now" is */
    public FakeUserRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void saveProfile(UserId userId, UserProfile profile) {
        Instant now = open();
        Optional<User> existing = Optional.ofNullable(users.get(userId));
        Instant created = existing.map(User::createdAt).orElse(now);
        users.put(userId, new User(userId, Optional.of(profile), created, now,
                existing.flatMap(User::phone)));
    }

    @Override
    public synchronized boolean savePhone(UserId userId, PhoneNumber phone) {
        Instant now = open();
        User existing = users.get(userId);
        if (existing == null) {
            return false;
        }
        users.put(userId, new User(userId, existing.profile(), existing.createdAt(), now, Optional.of(phone)));
        return true;
    }

    @Override
    public synchronized void registerIfAbsent(UserId userId) {
        Instant now = open();
        users.putIfAbsent(userId, new User(userId, Optional.empty(), now, now));
    }

    @Override
    public synchronized Optional<User> find(UserId userId) {
        open();
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public synchronized ImportOutcome importUser(User user) {
        open();
        User existing = users.put(user.id(), user);
        return existing == null ? ImportOutcome.INSERTED
                : existing.equals(user) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
    }

    @Override
    public synchronized List<User> list(int offset, int limit) {
        open();
        return users.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private Instant open() {
        if (closed) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the fake user repository is closed");
        }
        return clock.instant();
    }
}
