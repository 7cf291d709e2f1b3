package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.port.out.UserRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Creates the SQLite adapters. The one public entry point of this module. */
public final class SqliteAdapters {

    private SqliteAdapters() {
    }

    /**
     * Opens the user database at {@code file}, stamping times with the UTC system clock.
     *
     * @param file the database file; it and its parent folders are created when missing
     * @return an open, migrated repository; close it to release its connections
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the file, when it cannot be
     *     created, opened, written or migrated (read-only, corrupt, not a database, a folder in the way)
     * @see #userRepository(Path, Clock)
     */
    public static UserRepository userRepository(Path file) {
        return userRepository(file, Clock.systemUTC());
    }

    /**
     * Opens the user database at {@code file}: creates it and its parent folders when missing, switches it to
     * WAL, and migrates its schema with Flyway. A database of the Node.js mpauthx (its {@code user} table
     * without a Flyway history) is baselined and migrated forward; its rows survive.
     *
     * @param file the database file
     * @param clock the source of the {@code createdAt}/{@code updatedAt} stamps
     * @return an open, migrated repository; close it to release its connections
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the file, when it cannot be
     *     created, opened, written or migrated
     */
    public static UserRepository userRepository(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        return new SqliteUserRepository(SqliteDatabase.open(file), clock);
    }

    /**
     * Opens an existing user database for reading only, as admin tools want: in SQLite's read-only mode, without
     * Flyway and without setting the journal mode, so the file is never changed, even when it is the wrong one.
     * {@code find}, {@code exists} and {@code list} work as usual; {@code saveProfile} and {@code registerIfAbsent}
     * fail with {@code DATABASE_RELATED_ERROR} (6000), SQLite refusing the write. A file in WAL mode is read
     * beside an application writing it; SQLite may create its empty {@code -wal} and {@code -shm} files.
     *
     * @param file a database opened by {@link #userRepository(Path)} before
     * @return an open repository for reading; close it to release its connections
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the file, when it is missing, is
     *     not a database, holds no {@code user} table, or one that lacks columns of the current schema (a database
     *     of the Node.js mpauthx that the library never opened for writing)
     */
    public static UserRepository readOnlyUserRepository(Path file) {
        Objects.requireNonNull(file, "file");
        return new SqliteUserRepository(SqliteDatabase.openReadOnly(file), Clock.systemUTC());
    }
}
