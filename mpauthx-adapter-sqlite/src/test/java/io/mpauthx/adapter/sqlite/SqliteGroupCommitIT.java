package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes committed together stay independent: a failing one is undone alone, the others are all kept. */
class SqliteGroupCommitIT {

    private static final int THREADS = 16;
    private static final int WRITES_PER_THREAD = 50;

    @TempDir
    Path folder;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("users.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFailingWriteAmongConcurrentOnesFailsAloneAndEveryOtherWriteIsKept() throws Exception {
        List<Integer> failedPerThread = Concurrently.run(THREADS, thread -> {
            int failed = 0;
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                String openId = "o-" + thread + "-" + i;
                try {
                    database.write("test write", connection -> insertThenMaybeBreak(connection, openId));
                } catch (MpAuthXException expected) {
                    assertThat(expected.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    failed++;
                }
            }
            return failed;
        });

        int brokenWrites = THREADS * WRITES_PER_THREAD / 5;
        assertThat(failedPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(brokenWrites);
        assertThat(rows()).isEqualTo(THREADS * WRITES_PER_THREAD - brokenWrites);
    }

    /** Every fifth write inserts its row and then fails: its row must not survive. */
    private static int insertThenMaybeBreak(Connection connection, String openId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO user(openId, createdAt, updatedAt) VALUES (?, 0, 0)")) {
            insert.setString(1, openId);
            insert.executeUpdate();
        }
        if (Integer.parseInt(openId.substring(openId.lastIndexOf('-') + 1)) % 5 == 0) {
            try (Statement broken = connection.createStatement()) {
                broken.execute("INSERT INTO no_such_table VALUES (1)");
            }
        }
        return 1;
    }

    private int rows() {
        return database.read("count", connection -> {
            try (Statement count = connection.createStatement();
                 ResultSet result = count.executeQuery("SELECT COUNT(*) FROM user")) {
                result.next();
                return result.getInt(1);
            }
        });
    }
}
