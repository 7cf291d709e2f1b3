package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users in the original's {@code user} table. Rows the Node.js original wrote have no timestamps: they read
 * as {@link Instant#EPOCH}, and {@code createdAt} stays so (we do not know it). Every value is a bound parameter.
 */
final class SqliteUserRepository implements UserRepository {

    private static final String PROFILE_COLUMNS = "openId, nickName, gender, language, city, province, country,"
            + " avatarUrl, createdAt, updatedAt";
    private static final String COLUMNS = String.join(", ", SqliteSchema.USER_COLUMNS);

    // One statement, so concurrent first logins of the same user cannot both insert. updatedAt never moves back,
    // even when the wall clock does.
    private static final String SAVE_PROFILE = "INSERT INTO user(" + PROFILE_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(openId) DO UPDATE SET nickName = excluded.nickName, gender = excluded.gender,"
            + " language = excluded.language, city = excluded.city, province = excluded.province,"
            + " country = excluded.country, avatarUrl = excluded.avatarUrl,"
            + " updatedAt = max(user.updatedAt, excluded.updatedAt)";
    private static final String REGISTER_IF_ABSENT =
            "INSERT INTO user(openId, createdAt, updatedAt) VALUES (?, ?, ?) ON CONFLICT(openId) DO NOTHING";
    private static final String SAVE_PHONE = "UPDATE user SET phoneNumber = ?, purePhoneNumber = ?,"
            + " phoneCountryCode = ?, updatedAt = max(updatedAt, ?) WHERE openId = ?";
    private static final String IMPORT = "INSERT INTO user(" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(openId) DO UPDATE SET nickName = excluded.nickName, gender = excluded.gender,"
            + " language = excluded.language, city = excluded.city, province = excluded.province,"
            + " country = excluded.country, avatarUrl = excluded.avatarUrl, createdAt = excluded.createdAt,"
            + " updatedAt = excluded.updatedAt, phoneNumber = excluded.phoneNumber,"
            + " purePhoneNumber = excluded.purePhoneNumber, phoneCountryCode = excluded.phoneCountryCode";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteUserRepository.class);

    private final SqliteDatabase database;
    private final Clock clock;
    private final String find;
    private final String list;

    SqliteUserRepository(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.find = "SELECT " + database.userColumns() + " FROM user WHERE openId = ?";
        this.list = "SELECT " + database.userColumns() + " FROM user ORDER BY openId LIMIT ? OFFSET ?";
    }

    @Override
    public void saveProfile(UserId user, UserProfile profile) {
        Objects.requireNonNull(user, "userId");
        Objects.requireNonNull(profile, "profile");
        String userId = user.value();
        requireStorable("profile text", profile.nickName(), profile.language(), profile.city(), profile.province(),
                profile.country(), profile.avatarUrl());
        long now = clock.millis();
        database.write("saving the profile of user " + userId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SAVE_PROFILE)) {
                upsert.setString(1, userId);
                upsert.setString(2, profile.nickName());
                upsert.setInt(3, profile.gender());
                upsert.setString(4, profile.language());
                upsert.setString(5, profile.city());
                upsert.setString(6, profile.province());
                upsert.setString(7, profile.country());
                upsert.setString(8, profile.avatarUrl());
                upsert.setLong(9, now);
                upsert.setLong(10, now);
                return upsert.executeUpdate();
            }
        });
    }

    /** The number is personal data: the description names the user, never the number. */
    @Override
    public boolean savePhone(UserId user, PhoneNumber phone) {
        String userId = Objects.requireNonNull(user, "userId").value();
        Objects.requireNonNull(phone, "phone");
        long now = clock.millis();
        int updated = database.write("saving the phone number of user " + userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(SAVE_PHONE)) {
                update.setString(1, phone.phoneNumber());
                update.setString(2, phone.purePhoneNumber());
                update.setString(3, phone.countryCode());
                update.setLong(4, now);
                update.setString(5, userId);
                return update.executeUpdate();
            }
        });
        return updated > 0;
    }

    @Override
    public void registerIfAbsent(UserId user) {
        String userId = Objects.requireNonNull(user, "userId").value();
        long now = clock.millis();
        database.write("registering user " + userId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(REGISTER_IF_ABSENT)) {
                insert.setString(1, userId);
                insert.setLong(2, now);
                insert.setLong(3, now);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<User> find(UserId user) {
        String userId = Objects.requireNonNull(user, "userId").value();
        return database.read("looking up user " + userId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(find)) {
                query.setString(1, userId);
                return readUsers(query).stream().findFirst();
            }
        });
    }

    /** Read and written under the writer's lock, so that the outcome it reports is the one it made. */
    @Override
    public ImportOutcome importUser(User user) {
        Optional<UserProfile> profile = user.profile();
        profile.ifPresent(given -> requireStorable("profile text", given.nickName(), given.language(), given.city(),
                given.province(), given.country(), given.avatarUrl()));
        return database.write("importing user " + user.id(), connection -> {
            Optional<User> existing;
            try (PreparedStatement query = connection.prepareStatement(find)) {
                query.setString(1, user.id().value());
                existing = readUsers(query).stream().findFirst();
            }
            if (existing.isPresent() && existing.get().equals(user)) {
                return ImportOutcome.UNCHANGED;
            }
            try (PreparedStatement upsert = connection.prepareStatement(IMPORT)) {
                bindImported(upsert, user);
                upsert.executeUpdate();
            }
            return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.INSERTED;
        });
    }

    /** A user without profile keeps every profile column NULL, as a code-only login leaves them. */
    private static void bindImported(PreparedStatement upsert, User user) throws SQLException {
        upsert.setString(1, user.id().value());
        UserProfile profile = user.profile().orElse(null);
        upsert.setString(2, profile == null ? null : profile.nickName());
        upsert.setObject(3, profile == null ? null : profile.gender());
        upsert.setString(4, profile == null ? null : profile.language());
        upsert.setString(5, profile == null ? null : profile.city());
        upsert.setString(6, profile == null ? null : profile.province());
        upsert.setString(7, profile == null ? null : profile.country());
        upsert.setString(8, profile == null ? null : profile.avatarUrl());
        upsert.setLong(9, user.createdAt().toEpochMilli());
        upsert.setLong(10, user.updatedAt().toEpochMilli());
        PhoneNumber phone = user.phone().orElse(null);
        upsert.setString(11, phone == null ? null : phone.phoneNumber());
        upsert.setString(12, phone == null ? null : phone.purePhoneNumber());
        upsert.setString(13, phone == null ? null : phone.countryCode());
    }

    /** @throws IllegalArgumentException when {@code offset} is negative or {@code limit} below 1 */
    @Override
    public List<User> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got "
                    + offset + " and " + limit);
        }
        return database.read("listing users", connection -> listOn(connection, offset, limit));
    }

    private List<User> listOn(Connection connection, int offset, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(list)) {
            query.setInt(1, limit);
            query.setInt(2, offset);
            return readUsers(query);
        }
    }

    private static List<User> readUsers(PreparedStatement query) throws SQLException {
        List<User> users = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                // a row another program wrote may hold an id no login could have made; it is no user of ours
                Optional<UserId> id = UserId.parse(rows.getString("openId"));
                if (id.isPresent()) {
                    users.add(new User(id.get(), profileOf(rows), Instant.ofEpochMilli(rows.getLong("createdAt")),
                            Instant.ofEpochMilli(rows.getLong("updatedAt")), phoneOf(rows)));
                }
            }
        }
        return users;
    }

    /** Rows registered by code only, and every row of the original, have no profile column set at all. */
    private static Optional<UserProfile> profileOf(ResultSet row) throws SQLException {
        int storedGender = row.getInt("gender");
        Integer gender = row.wasNull() ? null : storedGender;
        return UserProfile.fromStoredColumns(row.getString("nickName"), gender, row.getString("language"),
                row.getString("city"), row.getString("province"), row.getString("country"),
                row.getString("avatarUrl"));
    }

    private static Optional<PhoneNumber> phoneOf(ResultSet row) throws SQLException {
        return PhoneNumber.fromStoredColumns(row.getString("phoneNumber"), row.getString("purePhoneNumber"),
                row.getString("phoneCountryCode"));
    }

    /**
     * sqlite-jdbc encodes text as UTF-8 and turns an unpaired surrogate into '?', so such text would be stored as,
     * and looked up as, other text: refused instead of silently changed.
     */
    private static void requireStorable(String what, String... texts) {
        for (String text : texts) {
            if (!isWellFormedUtf16(text)) {
                LOG.warn("refused to store {} holding an unpaired UTF-16 surrogate", what);
                throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                        what + " holds an unpaired UTF-16 surrogate, which SQLite cannot store exactly");
            }
        }
    }

    private static boolean isWellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Releases every connection. Idempotent; afterwards every call fails with 6000. */
    @Override
    public void close() {
        database.close();
    }
}
