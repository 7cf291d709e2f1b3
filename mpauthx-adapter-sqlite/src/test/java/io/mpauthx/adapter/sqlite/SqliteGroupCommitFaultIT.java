package io.mpauthx.adapter.sqlite;

import io.mpauthx.adapter.sqlite.QueuedBatch.Outcome;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write of a batch that breaks in its own code (an unchecked exception, an {@link Error}, a connection it spoilt)
 * settles every write of its batch: each caller gets its own outcome, nobody waits forever, nothing half-done is
 * committed, and the next writes go through.
 */
class SqliteGroupCommitFaultIT {

    @TempDir
    Path folder;

    private Path file;
    private SqliteDatabase database;
    private QueuedBatch batch;

    @BeforeEach
    void open() {
        file = folder.resolve("users.db");
        database = SqliteDatabase.open(file);
        batch = new QueuedBatch(database);
    }

    @AfterEach
    void close() {
        batch.close();
        database.close();
    }

    @Test
    void anUncheckedExceptionInOneWriteFailsItsCallerAloneAndSettlesTheOthersOfItsBatch() throws Exception {
        IllegalStateException thrown = new IllegalStateException("the write's own bug");
        batch.add("oFirst", insert("oFirst"));
        batch.add("oBroken", insertThen("oBroken", () -> {
            throw thrown;
        }));
        batch.add("oLast", insert("oLast"));

        Map<String, Outcome> outcomes = batch.commit();

        assertThat(outcomes.get("oBroken").failure()).isInstanceOf(MpAuthXException.class)
                .satisfies(e -> assertThat(((MpAuthXException) e).statusCode())
                        .isEqualTo(StatusCode.DATABASE_RELATED_ERROR))
                .hasCauseReference(thrown);
        assertOthersSettledOnTheirOwn(outcomes, "oBroken", thrown);
        assertRepositoryStillWrites();
    }

    @Test
    void anErrorInTheCommittersOwnWriteReachesOnlyItsCallerAndSettlesTheOthersOfItsBatch() throws Exception {
        AssertionError thrown = new AssertionError("the write's own error");
        batch.add("oBroken", insertThen("oBroken", () -> {
            throw thrown;
        }));
        batch.add("oSecond", insert("oSecond"));
        batch.add("oThird", insert("oThird"));

        Map<String, Outcome> outcomes = batch.commit();

        assertThat(outcomes.get("oBroken").failure()).isSameAs(thrown);
        assertOthersSettledOnTheirOwn(outcomes, "oBroken", thrown);
        assertRepositoryStillWrites();
    }

    @Test
    void aWriteThatSpoilsTheConnectionSoThatNothingRollsBackFailsItsBatchAndTheNextWriteGetsANewConnection()
            throws Exception {
        SQLException thrown = new SQLException("the write closed its connection");
        batch.add("oFirst", insert("oFirst"));
        batch.add("oSpoiler", insertThen("oSpoiler", connection -> {
            connection.close();
            throw thrown;
        }));
        batch.add("oLast", insert("oLast"));

        Map<String, Outcome> outcomes = batch.commit();

        assertThat(outcomes.get("oSpoiler").committed()).isFalse();
        assertOthersSettledOnTheirOwn(outcomes, "oSpoiler", thrown);
        assertRepositoryStillWrites();
    }

    /** Committed writes have their rows; failed ones are 6000s of their own, and none of their rows is there. */
    private void assertOthersSettledOnTheirOwn(Map<String, Outcome> outcomes, String broken, Throwable thrown)
            throws SQLException {
        List<String> rows = PlainSqlite.query(file, "SELECT openId FROM user").stream().map(row -> row.get(0)).toList();
        assertThat(rows).as("the broken write's row").doesNotContain(broken);
        outcomes.forEach((openId, outcome) -> {
            if (openId.equals(broken)) {
                return;
            }
            if (outcome.committed()) {
                assertThat(rows).as("the row of the committed write " + openId).contains(openId);
                return;
            }
            assertThat(rows).as("the row of the failed write " + openId).doesNotContain(openId);
            assertThat(outcome.failure()).as(openId + "'s failure").isInstanceOf(MpAuthXException.class)
                    .satisfies(e -> assertThat(((MpAuthXException) e).statusCode())
                            .isEqualTo(StatusCode.DATABASE_RELATED_ERROR))
                    .satisfies(e -> assertThat(causes(e)).as(openId + "'s causes").doesNotContain(thrown));
        });
    }

    private void assertRepositoryStillWrites() {
        UserRepository users = new SqliteUserRepository(database, Clock.systemUTC());
        users.registerIfAbsent(UserId.of("oAfterwards"));
        assertThat(users.find(UserId.of("oAfterwards"))).isPresent();
    }

    private static List<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure.getCause(), cause -> cause != null, Throwable::getCause).toList();
    }

    private static SqliteDatabase.Work<Integer> insert(String openId) {
        return insertThen(openId, connection -> {
        });
    }

    /** Inserts the user's row, then does something else on the same connection. */
    private static SqliteDatabase.Work<Integer> insertThen(String openId, AfterInsert afterwards) {
        return connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user(openId, createdAt, updatedAt) VALUES (?, 0, 0)")) {
                insert.setString(1, openId);
                insert.executeUpdate();
            }
            afterwards.on(connection);
            return 1;
        };
    }

    private static SqliteDatabase.Work<Integer> insertThen(String openId, Runnable afterwards) {
        return insertThen(openId, connection -> afterwards.run());
    }

    @FunctionalInterface
    private interface AfterInsert {
        void on(Connection connection) throws SQLException;
    }
}
