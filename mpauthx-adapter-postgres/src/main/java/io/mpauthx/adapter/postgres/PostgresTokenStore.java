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
 */
final class PostgresTokenStore implements TokenStore {

    /** The advisory lock space of the owners' turns, apart from the schema migration's. */
    private static final String LOCK_SPACE = "mpauthx_token";
    private static final String LIVE = "expires_at > clock_timestamp()";

    private final PostgresDatabase database;
    private final ExpiredTokenReclaimer reclaimer;
    private final String ownerTurn;
    private final String dropExpired;
    private final String insert;
    private final String trimToCap;
    private final String dropAll;
    private final String isLive;
    private final String revokeByHash;
    private final String revokeById;
    private final String list;

    PostgresTokenStore(PostgresDatabase database) {
        this.database = database;
        String table = "\"" + database.schema() + "\".mpauthx_token";
        String owner = "sku = ? AND user_id = ?";
        this.ownerTurn = "SELECT pg_advisory_xact_lock(hashtext('" + LOCK_SPACE + "'), hashtext(? || '/' || ?))";
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
        this.revokeByHash = "DELETE FROM " + table + " WHERE " + owner + " AND hash = ? RETURNING " + LIVE;
        this.revokeById = "DELETE FROM " + table + " WHERE " + owner + " AND left(hash, " + TokenId.LENGTH
                + ") = ? RETURNING " + LIVE;
        this.list = "SELECT hash, issued_at, expires_at, device FROM " + table + " WHERE " + owner + " AND " + LIVE
                + " ORDER BY seq";
        this.reclaimer = ExpiredTokenReclaimer.start(database, table);
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
            try (PreparedStatement trim = connection.prepareStatement(trimToCap)) {
                bindOwner(trim, 1, owner);
                trim.setInt(3, maxTokensPerOwner);
                trim.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        return database.transaction("replacing the tokens of " + owner, connection -> {
            takeOwnersTurn(connection, owner);
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
                return countLive(revoke) > 0;
            }
        });
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return database.transaction("revoking every token of " + owner, connection -> {
            takeOwnersTurn(connection, owner);
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
