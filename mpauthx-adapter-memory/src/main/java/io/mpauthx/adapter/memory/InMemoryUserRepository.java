package io.mpauthx.adapter.memory;

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
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Users in a sorted concurrent map: atomic upserts per id, and listing in id order as the SQLite adapter does. */
final class InMemoryUserRepository implements UserRepository {

    private final Clock clock;
    private final ConcurrentNavigableMap<UserId, User> usersById = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    InMemoryUserRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void saveProfile(UserId userId, UserProfile profile) {
        ensureOpen();
        Instant now = clock.instant();
        usersById.compute(userId, (id, existing) -> existing == null
                ? new User(id, Optional.of(profile), now, now)
                : new User(id, Optional.of(profile), existing.createdAt(), now, existing.phone()));
    }

    @Override
    public boolean savePhone(UserId userId, PhoneNumber phone) {
        ensureOpen();
        Instant now = clock.instant();
        return usersById.computeIfPresent(userId, (id, existing) -> new User(id, existing.profile(),
                existing.createdAt(), now, Optional.of(phone))) != null;
    }

    @Override
    public void registerIfAbsent(UserId userId) {
        ensureOpen();
        Instant now = clock.instant();
        usersById.computeIfAbsent(userId, id -> new User(id, Optional.empty(), now, now));
    }

    @Override
    public Optional<User> find(UserId userId) {
        ensureOpen();
        return userId == null ? Optional.empty() : Optional.ofNullable(usersById.get(userId));
    }

    @Override
    public ImportOutcome importUser(User user) {
        ensureOpen();
        User existing = usersById.put(user.id(), user);
        return existing == null ? ImportOutcome.INSERTED
                : existing.equals(user) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
    }

    @Override
    public List<User> list(int offset, int limit) {
        ensureOpen();
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        return usersById.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the in-memory user repository is closed");
        }
    }
}
