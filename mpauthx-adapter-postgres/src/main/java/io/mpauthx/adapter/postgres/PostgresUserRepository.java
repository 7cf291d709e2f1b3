package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users in the original's {@code "user"} table, in the configured schema, shared by every instance that opens
 * it. Rows written before V2 have no timestamps: they read as {@link Instant#EPOCH}, and {@code createdAt} stays so.
 * Every value is a bound parameter; the schema's name, validated by the settings, is the only identifier put into
 * the statements, quoted.
 */
final class PostgresUserRepository implements UserRepository {

    private static final String COLUMNS = "\"openId\", \"nickName\", gender, language, city, province, country,"
            + " \"avatarUrl\", \"createdAt\", \"updatedAt\"";
    private static final String PHONE_COLUMNS = "\"phoneNumber\", \"purePhoneNumber\", \"phoneCountryCode\"";

    private final PostgresDatabase database;
    private final Clock clock;
    private final String saveProfile;
    private final String registerIfAbsent;
    private final String savePhone;
    private final String importUser;
    private final String find;
    private final String list;

    PostgresUserRepository(PostgresDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        String table = "\"" + database.schema() + "\".\"user\"";
        // One statement, so concurrent first logins of the same user, from any instance, cannot both insert.
        // updatedAt never moves back, even when one instance's clock is behind another's.
        this.saveProfile = "INSERT INTO " + table + " AS stored (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (\"openId\") DO UPDATE SET \"nickName\" = excluded.\"nickName\","
                + " gender = excluded.gender, language = excluded.language, city = excluded.city,"
                + " province = excluded.province, country = excluded.country, \"avatarUrl\" = excluded.\"avatarUrl\","
                + " \"updatedAt\" = GREATEST(stored.\"updatedAt\", excluded.\"updatedAt\")";
        this.registerIfAbsent = "INSERT INTO " + table + " (\"openId\", \"createdAt\", \"updatedAt\") VALUES (?, ?, ?)"
                + " ON CONFLICT (\"openId\") DO NOTHING";
        this.savePhone = "UPDATE " + table + " SET (" + PHONE_COLUMNS + ") = (?, ?, ?),"
                + " \"updatedAt\" = GREATEST(\"updatedAt\", ?) WHERE \"openId\" = ?";
        this.importUser = importStatement(table);
        this.find = "SELECT " + database.userColumns() + " FROM " + table + " WHERE \"openId\" = ?";
        this.list = "SELECT " + database.userColumns() + " FROM " + table + " ORDER BY \"openId\" LIMIT ? OFFSET ?";
    }

    @Override
    public void saveProfile(UserId user, UserProfile profile) {
        String userId = Objects.requireNonNull(user, "userId").value();
        Objects.requireNonNull(profile, "profile");
        StorableText.require("profile text", profile.nickName(), profile.language(), profile.city(),
                profile.province(), profile.country(), profile.avatarUrl());
        OffsetDateTime now = now();
        update("saving the profile of user " + userId, saveProfile, upsert -> {
            upsert.setString(1, userId);
            upsert.setString(2, profile.nickName());
            upsert.setInt(3, profile.gender());
            upsert.setString(4, profile.language());
            upsert.setString(5, profile.city());
            upsert.setString(6, profile.province());
            upsert.setString(7, profile.country());
            upsert.setString(8, profile.avatarUrl());
            upsert.setObject(9, now);
            upsert.setObject(10, now);
        });
    }

    /** The number is personal data: the description names the user, never the number. */
    @Override
    public boolean savePhone(UserId user, PhoneNumber phone) {
        String userId = Objects.requireNonNull(user, "userId").value();
        Objects.requireNonNull(phone, "phone");
        OffsetDateTime now = now();
        int updated = database.call("saving the phone number of user " + userId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(savePhone)) {
                statement.setString(1, phone.phoneNumber());
                statement.setString(2, phone.purePhoneNumber());
                statement.setString(3, phone.countryCode());
                statement.setObject(4, now);
                statement.setString(5, userId);
                return statement.executeUpdate();
            }
        });
        return updated > 0;
    }

    @Override
    public void registerIfAbsent(UserId user) {
        String userId = Objects.requireNonNull(user, "userId").value();
        OffsetDateTime now = now();
        update("registering user " + userId, registerIfAbsent, insert -> {
            insert.setString(1, userId);
            insert.setObject(2, now);
            insert.setObject(3, now);
        });
    }

    @Override
    public Optional<User> find(UserId user) {
        String userId = Objects.requireNonNull(user, "userId").value();
        return query("looking up user " + userId, find, lookup -> lookup.setString(1, userId)).stream().findFirst();
    }

    /**
     * One statement: a new id is inserted, a differing row replaced, an equal one left alone; {@code xmax} is 0 only
     * for a row this statement inserted.
     */
    private static String importStatement(String table) {
        String values = "\"nickName\", gender, language, city, province, country, \"avatarUrl\", \"createdAt\","
                + " \"updatedAt\", " + PHONE_COLUMNS;
        return "INSERT INTO " + table + " AS stored (" + COLUMNS + ", " + PHONE_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (\"openId\") DO UPDATE SET (" + values + ") = (" + prefixed("excluded", values)
                + ") WHERE (" + prefixed("stored", values) + ") IS DISTINCT FROM (" + prefixed("excluded", values)
                + ") RETURNING (xmax = 0) AS inserted";
    }

    private static String prefixed(String table, String columns) {
        return table + "." + columns.replace(", ", ", " + table + ".");
    }

    @Override
    public ImportOutcome importUser(User user) {
        Optional<UserProfile> profile = user.profile();
        profile.ifPresent(given -> StorableText.require("profile text", given.nickName(), given.language(),
                given.city(), given.province(), given.country(), given.avatarUrl()));
        return database.call("importing user " + user.id(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(importUser)) {
                bindImported(upsert, user, profile.orElse(null));
                try (ResultSet written = upsert.executeQuery()) {
                    if (!written.next()) {
                        return ImportOutcome.UNCHANGED;
                    }
                    return written.getBoolean("inserted") ? ImportOutcome.INSERTED : ImportOutcome.UPDATED;
                }
            }
        });
    }

    /** A user without profile keeps every profile column NULL, as a code-only login leaves them. */
    private static void bindImported(PreparedStatement upsert, User user, UserProfile profile) throws SQLException {
        upsert.setString(1, user.id().value());
        upsert.setString(2, profile == null ? null : profile.nickName());
        upsert.setObject(3, profile == null ? null : profile.gender(), Types.INTEGER);
        upsert.setString(4, profile == null ? null : profile.language());
        upsert.setString(5, profile == null ? null : profile.city());
        upsert.setString(6, profile == null ? null : profile.province());
        upsert.setString(7, profile == null ? null : profile.country());
        upsert.setString(8, profile == null ? null : profile.avatarUrl());
        upsert.setObject(9, OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC));
        upsert.setObject(10, OffsetDateTime.ofInstant(user.updatedAt(), ZoneOffset.UTC));
        PhoneNumber phone = user.phone().orElse(null);
        upsert.setString(11, phone == null ? null : phone.phoneNumber());
        upsert.setString(12, phone == null ? null : phone.purePhoneNumber());
        upsert.setString(13, phone == null ? null : phone.countryCode());
    }

    /**
     * Pages in the order of the database's collation for text, which the primary key's index serves.
     *
     * @throws IllegalArgumentException when {@code offset} is negative or {@code limit} below 1
     */
    @Override
    public List<User> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got "
                    + offset + " and " + limit);
        }
        return query("listing users", list, page -> {
            page.setInt(1, limit);
            page.setInt(2, offset);
        });
    }

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String action, String sql, Parameters parameters) {
        database.call(action, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    private List<User> query(String action, String sql, Parameters parameters) {
        return database.call(action, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return readUsers(statement);
            }
        });
    }

    /** Milliseconds, as the SQLite adapter stamps: what is stored is what a caller later reads back. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
    }

    private static List<User> readUsers(PreparedStatement query) throws SQLException {
        List<User> users = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                // a row another program wrote may hold an id no login could have made; it is no user of ours
                Optional<UserId> id = UserId.parse(rows.getString("openId"));
                if (id.isPresent()) {
                    users.add(new User(id.get(), profileOf(rows),
                            rows.getObject("createdAt", OffsetDateTime.class).toInstant(),
                            rows.getObject("updatedAt", OffsetDateTime.class).toInstant(), phoneOf(rows)));
                }
            }
        }
        return users;
    }

    /** Rows registered by code only, and every row of the original, have no profile column set at all. */
    private static Optional<UserProfile> profileOf(ResultSet row) throws SQLException {
        Integer gender = row.getObject("gender", Integer.class);
        return UserProfile.fromStoredColumns(row.getString("nickName"), gender, row.getString("language"),
                row.getString("city"), row.getString("province"), row.getString("country"),
                row.getString("avatarUrl"));
    }

    private static Optional<PhoneNumber> phoneOf(ResultSet row) throws SQLException {
        return PhoneNumber.fromStoredColumns(row.getString("phoneNumber"), row.getString("purePhoneNumber"),
                row.getString("phoneCountryCode"));
    }

    /** Closes the pool mpauthx owns; an application's DataSource stays open. Idempotent; then every call is 6000. */
    @Override
    public void close() {
        database.close();
    }
}
