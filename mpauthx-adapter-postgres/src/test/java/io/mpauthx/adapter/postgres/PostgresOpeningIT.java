package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A database that cannot serve is a 6000 at opening, naming the server, port and database, never the password, and
 * within the connect timeout; a closed repository is a 6000 for every call.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresOpeningIT {

    /** Far above the one-second connect timeout these tests set: only a hang, not slowness, fails them. */
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final String WRONG_PASSWORD = "not-the-password-7f3a";

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final LocalPostgres postgres;

    PostgresOpeningIT(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    private MpAuthXException openingFails(PostgresSettings.Builder settings) {
        PostgresSettings built = settings.connectTimeout(Duration.ofSeconds(1)).build();
        MpAuthXException refused = assertTimeoutPreemptively(HANG, () -> assertFailsWith(
                StatusCode.DATABASE_RELATED_ERROR, () -> PostgresAdapters.userRepository(built)));
        assertThat(refused.getMessage()).doesNotContain(postgres.password(), WRONG_PASSWORD);
        assertThat(logs.linesContainingAny(List.of(postgres.password(), WRONG_PASSWORD))).isEmpty();
        return refused;
    }

    private PostgresSettings.Builder settings(String jdbcUrl, String password) {
        return PostgresSettings.builder().jdbcUrl(jdbcUrl).user(postgres.user()).password(password);
    }

    @Test
    void aWrongPasswordIsRefusedNamingServerPortAndDatabaseButNoPassword() {
        MpAuthXException refused = openingFails(settings(postgres.jdbcUrl(), WRONG_PASSWORD));

        assertThat(refused).hasMessageContainingAll("127.0.0.1:" + postgres.port(), "\"" + postgres.database() + "\"",
                "password authentication failed");
    }

    @Test
    void aMissingDatabaseIsRefusedNamingIt() {
        MpAuthXException refused = openingFails(settings(postgres.jdbcUrl("no_such_database"), postgres.password()));

        assertThat(refused).hasMessageContainingAll("127.0.0.1:" + postgres.port(), "\"no_such_database\"",
                "does not exist");
    }

    @Test
    void aPortNobodyListensOnIsRefusedNamingIt() throws IOException {
        int closedPort = freePort();

        MpAuthXException refused = openingFails(settings("jdbc:postgresql://127.0.0.1:" + closedPort + "/users",
                postgres.password()));

        assertThat(refused).hasMessageContainingAll("127.0.0.1:" + closedPort, "\"users\"");
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheConnectTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            MpAuthXException refused = openingFails(settings("jdbc:postgresql://127.0.0.1:" + silent.port() + "/users",
                    postgres.password()));

            assertThat(refused).hasMessageContainingAll("127.0.0.1:" + silent.port(), "\"users\"");
        }
    }

    @Test
    void aClosedRepositoryRefusesEveryCallNamingTheDatabase() {
        UserRepository users = PostgresAdapters.userRepository(
                settings(postgres.jdbcUrl(postgres.createDatabase()), postgres.password()).build());
        users.registerIfAbsent(UserId.of("oBeforeClose"));

        users.close();
        users.close();

        assertThat(assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.find(UserId.of("oBeforeClose"))))
                .hasMessageContainingAll("closed", "127.0.0.1:" + postgres.port());
        assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.registerIfAbsent(UserId.of("oAfterClose")));
        assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.list(0, 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections on loopback and never says a word, as a server hung or behind a dead link would. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = new Thread(this::acceptForever, "silent server");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptForever() {
            try {
                while (!socket.isClosed()) {
                    Socket connection = socket.accept();
                    synchronized (accepted) {
                        accepted.add(connection);
                    }
                }
            } catch (IOException closed) {
                // close() ends the loop
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket connection : accepted) {
                    connection.close();
                }
            }
        }
    }
}
