package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.DeviceLabel;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Live tokens in the {@code mpauthx_token} table of the configured schema, shared by every instance that opens it.
 * Only the hash of a token's secret is stored. The server's clock is the only clock: rows are stamped with
 * {@code clock_timestamp()} and a row whose {@code expires_at} has passed by that clock is never live, whatever any
 * instance's clock says.
 *
 * <p>Every operation is one statement, or one transaction that first takes a transaction-level advisory lock on
 * the owner: issue, replace-all and revoke-all of one owner run one at a time across every instance, so concurrent
 * refreshes leave exactly one live token and concurrent issues never pass the device cap. Checks take no lock.
 *
 * <p>Every write that may end a live token (revoke, revoke-all, replace-all, an issue that pushes a token out by the
 * cap) sends {@code NOTIFY} on {@value #CHANNEL} naming the owner, in its own transaction: every instance's near
 * cache hears of exactly the committed writes, whether this instance has a near cache or not.
 */
final class PostgresTokenStore implements TokenStore {

    /** The advisory lock space of the owners' turns, apart from the schema migration's. */
    private static final String LOCK_SPACE = "mpauthx_token";
    /** The NOTIFY channel on which every write that may end a live token names its owner, for near caches. */
    static final String CHANNEL = "mpauthx_token";
    /** What {@link #remainingMillis} answers for a token that is not live. */
    static final long NOT_LIVE = -1;
    private static final String LIVE = "expires_at > clock_timestamp()";

    private final PostgresDatabase database;
    private final ExpiredTokenReclaimer reclaimer;
    private final String ownerTurn;
    private final String announcedOwnerTurn;
    private final String announce;
    private final String remaining;
    private final String dropExpired;
    private final String insert;
    private final String trimToCap;
    private final String dropAll;
    private final String isLive;
    private final String revokeByHash;
    private final String revokeById;
    private final String list;

    /** @return the pool's open connections, for metrics (see {@link PostgresDatabase#openConnections()}) */
    int openConnections() {
        return database.openConnections();
    }

    PostgresTokenStore(PostgresDatabase database) {
        this.database = database;
        String table = "\"" + database.schema() + "\".mpauthx_token";
        String owner = "sku = ? AND user_id = ?";
        String turn = "pg_advisory_xact_lock(hashtext('" + LOCK_SPACE + "'), hashtext(? || '/' || ?))";
        // NOTIFY is delivered at commit, and only then: listeners hear of exactly the writes that happened
        String notify = "pg_notify('" + CHANNEL + "', ?)";
        this.ownerTurn = "SELECT " + turn;
        this.announcedOwnerTurn = "SELECT " + turn + ", " + notify;
        this.announce = "SELECT " + notify;
        this.dropExpired = "DELETE FROM " + table + " WHERE " + owner + " AND expires_at <= clock_timestamp()";
        // one reading of the clock for both stamps, so that expiry minus issue is exactly the TTL; a second try of
        // an insert that was committed but whose answer was lost returns the row it stored
        this.insert = "WITH stamp AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS at)"
                + " INSERT INTO " + table + " AS stored (hash, sku, user_id, issued_at, expires_at, device)"
                + " SELECT ?, ?, ?, at, at + ? * interval '1 millisecond', ? FROM stamp"
                + " ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash"
                + " WHERE stored.sku = excluded.sku AND stored.user_id = excluded.user_id"
                + " RETURNING issued_at, expires_at";
        this.trimToCap = "DELETE FROM " + table + " WHERE hash IN (SELECT hash FROM " + table + " WHERE " + owner
                + " ORDER BY seq DESC OFFSET ?)";
        this.dropAll = "DELETE FROM " + table + " WHERE " + owner + " RETURNING " + LIVE;
        this.isLive = "SELECT 1 FROM " + table + " WHERE hash = ? AND " + owner + " AND " + LIVE;
        this.remaining = "SELECT (extract(epoch FROM expires_at - clock_timestamp()) * 1000)::bigint FROM " + table
                + " WHERE hash = ? AND " + owner + " AND " + LIVE;
        this.revokeByHash = announcedDeletion(table, owner + " AND hash = ?", notify);
        this.revokeById = announcedDeletion(table, owner + " AND left(hash, " + TokenId.LENGTH + ") = ?", notify);
        this.list = "SELECT hash, issued_at, expires_at, device FROM " + table + " WHERE " + owner + " AND " + LIVE
                + " ORDER BY seq";
        this.reclaimer = ExpiredTokenReclaimer.start(database, table);
    }

    /**
     * One statement that deletes and, when it deleted anything, announces the owner: the live rows it deleted are
     * counted in its one row, which it returns only when there were rows.
     */
    private static String announcedDeletion(String table, String where, String notify) {
        return "WITH gone AS (DELETE FROM " + table + " WHERE " + where + " RETURNING " + LIVE + " AS live)"
                + " SELECT count(*) FILTER (WHERE live), " + notify + " FROM gone HAVING count(*) > 0";
    }

    /** @return the key naming the owner in notifications and near caches; the sku holds no ':' */
    static String ownerKey(TokenOwner owner) {
        return owner.sku().value() + ":" + owner.userId().value();
    }

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        if (maxTokensPerOwner < 1) {
            throw new IllegalArgumentException("maxTokensPerOwner must be at least 1");
        }
        return database.transaction("issuing a token of " + owner, connection -> {
            takeOwnersTurn(connection, owner);
            update(connection, dropExpired, owner);
            StoredToken stored = insert(connection, owner, token);
            int trimmed;
            try (PreparedStatement trim = connection.prepareStatement(trimToCap)) {
                bindOwner(trim, 1, owner);
                trim.setInt(3, maxTokensPerOwner);
                trimmed = trim.executeUpdate();
            }
            if (trimmed > 0) {
                try (PreparedStatement announcement = connection.prepareStatement(announce)) {
                    announcement.setString(1, ownerKey(owner));
                    announcement.execute();
                }
            }
            return stored;
        });
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        return database.transaction("replacing the tokens of " + owner, connection -> {
            takeOwnersTurnAnnounced(connection, owner);
            try (PreparedStatement drop = connection.prepareStatement(dropAll)) {
                bindOwner(drop, 1, owner);
                drop.execute();
            }
            return insert(connection, owner, token);
        });
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(hash, "hash");
        return database.call("checking a token of " + owner, connection -> {
            try (PreparedStatement check = connection.prepareStatement(isLive)) {
                check.setString(1, hash.value());
                bindOwner(check, 2, owner);
                try (ResultSet row = check.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return revokeOne(owner, "revoking a token of ", revokeByHash, hash.value());
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenId id) {
        Objects.requireNonNull(id, "id");
        return revokeOne(owner, "revoking by its id a token of ", revokeById, id.value());
    }

    /** @param statement deletes by owner (parameters 1, 2) and one more value (parameter 3) */
    private boolean revokeOne(TokenOwner owner, String action, String statement, String value) {
        Objects.requireNonNull(owner, "owner");
        return database.call(action + owner, connection -> {
            try (PreparedStatement revoke = connection.prepareStatement(statement)) {
                bindOwner(revoke, 1, owner);
                revoke.setString(3, value);
                revoke.setString(4, ownerKey(owner));
                try (ResultSet counted = revoke.executeQuery()) {
                    return counted.next() && counted.getInt(1) > 0;
                }
            }
        });
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return database.transaction("revoking every token of " + owner, connection -> {
            takeOwnersTurnAnnounced(connection, owner);
            try (PreparedStatement drop = connection.prepareStatement(dropAll)) {
                bindOwner(drop, 1, owner);
                return countLive(drop);
            }
        });
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return database.call("listing the tokens of " + owner, connection -> {
            try (PreparedStatement select = connection.prepareStatement(list)) {
                bindOwner(select, 1, owner);
                List<StoredToken> live = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        live.add(new StoredToken(new TokenHash(rows.getString(1)), rows.getTimestamp(2).toInstant(),
                                rows.getTimestamp(3).toInstant(),
                                Optional.ofNullable(rows.getString(4)).map(DeviceLabel::of)));
                    }
                }
                return live;
            }
        });
    }

    /**
     * The near cache's read: whether the token is live, and for how long by the server's clock.
     *
     * @return the remaining lifetime in milliseconds, or {@link #NOT_LIVE}
     * @throws io.mpauthx.domain.MpAuthXException 6000 when the database failed
     */
    long remainingMillis(TokenOwner owner, TokenHash hash) {
        return database.call("checking a token of " + owner, connection -> {
            try (PreparedStatement check = connection.prepareStatement(remaining)) {
                check.setString(1, hash.value());
                bindOwner(check, 2, owner);
                try (ResultSet row = check.executeQuery()) {
                    return row.next() ? Math.max(0, row.getLong(1)) : NOT_LIVE;
                }
            }
        });
    }

    /** @return the reclaimer of expired rows, for tests that run a pass at once */
    ExpiredTokenReclaimer reclaimer() {
        return reclaimer;
    }

    /** @return the database handle, for the near cache's listener */
    PostgresDatabase database() {
        return database;
    }

    @Override
    public void close() {
        reclaimer.close();
        database.close();
    }

    private void takeOwnersTurn(Connection connection, TokenOwner owner) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(ownerTurn)) {
            bindOwner(turn, 1, owner);
            turn.execute();
        }
    }

    /** The owner's turn, and a notification of the owner sent when the transaction commits. */
    private void takeOwnersTurnAnnounced(Connection connection, TokenOwner owner) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(announcedOwnerTurn)) {
            bindOwner(turn, 1, owner);
            turn.setString(3, ownerKey(owner));
            turn.execute();
        }
    }

    private StoredToken insert(Connection connection, TokenOwner owner, NewToken token) throws SQLException {
        try (PreparedStatement insertion = connection.prepareStatement(insert)) {
            insertion.setString(1, token.hash().value());
            bindOwner(insertion, 2, owner);
            insertion.setLong(4, token.ttl().toMillis());
            insertion.setString(5, token.device().map(DeviceLabel::value).orElse(null));
            try (ResultSet stamps = insertion.executeQuery()) {
                if (!stamps.next()) {
                    throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                            "a token with this hash is stored for another owner");
                }
                Timestamp issuedAt = stamps.getTimestamp(1);
                Timestamp expiresAt = stamps.getTimestamp(2);
                return new StoredToken(token.hash(), issuedAt.toInstant(), expiresAt.toInstant(), token.device());
            }
        }
    }

    private static void update(Connection connection, String statement, TokenOwner owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            bindOwner(update, 1, owner);
            update.executeUpdate();
        }
    }

    /** @return how many of the rows the statement returned say {@code true}: the live ones it deleted */
    private static int countLive(PreparedStatement deletion) throws SQLException {
        int live = 0;
        try (ResultSet rows = deletion.executeQuery()) {
            while (rows.next()) {
                if (rows.getBoolean(1)) {
                    live++;
                }
            }
        }
        return live;
    }

    private static void bindOwner(PreparedStatement statement, int first, TokenOwner owner) throws SQLException {
        statement.setString(first, owner.sku().value());
        statement.setString(first + 1, owner.userId().value());
    }
}
