package io.mpauthx.bootstrap.example;

// example:start
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXConfig;
import io.mpauthx.bootstrap.MpAuthXModule;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counts new registrations, keeping users in SQLite: a UserRepository of your own, wired by overriding one binding. */
public final class AuditedUserRepositoryExample {

    /** Your adapter: implement the port, delegate what you don't change. */
    static final class AuditedUserRepository implements UserRepository {
        final AtomicLong registrations = new AtomicLong();
        private final UserRepository sqlite;

        AuditedUserRepository(UserRepository sqlite) {
            this.sqlite = sqlite;
        }

        @Override
        public void saveProfile(UserId userId, UserProfile profile) {
            countIfNew(userId);
            sqlite.saveProfile(userId, profile);
        }

        @Override
        public boolean savePhone(UserId userId, PhoneNumber phone) {
            return sqlite.savePhone(userId, phone);
        }

        @Override
        public void registerIfAbsent(UserId userId) {
            countIfNew(userId);
            sqlite.registerIfAbsent(userId);
        }

        private void countIfNew(UserId userId) {
            if (!sqlite.exists(userId)) {
                registrations.incrementAndGet();
            }
        }

        @Override
        public Optional<User> find(UserId userId) {
            return sqlite.find(userId);
        }

        @Override
        public List<User> list(int offset, int limit) {
            return sqlite.list(offset, limit);
        }

        @Override
        public void close() {
            sqlite.close();
        }
    }

    /** Your module: bind the port; everything else stays as MpAuthXModule wires it. */
    static final class AuditModule extends AbstractModule {
        private final Path database;

        AuditModule(Path database) {
            this.database = database;
        }

        @Provides
        @Singleton
        UserRepository userRepository() {
            return new AuditedUserRepository(SqliteAdapters.userRepository(database));
        }
    }

    static MpAuthX start(MpAuthXConfig config, Path database) {
        return MpAuthXModule.createFacade(
                Modules.override(new MpAuthXModule(config)).with(new AuditModule(database)));
    }
}
// example:end
