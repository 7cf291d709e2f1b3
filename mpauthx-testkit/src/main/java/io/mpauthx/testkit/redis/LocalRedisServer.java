package io.mpauthx.testkit.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process on a loopback port of its own, without persistence
 * ({@code --save "" --appendonly no}), or with an append-only file synced on every write
 * ({@link #startDurableOnFreePort()}). It can be stopped, or crashed, and started again on the same port, for
 * fault tests.
 * Thread-safe; {@link #close()} stops the process and removes its working directory.
 */
public final class LocalRedisServer implements AutoCloseable {

    /** How long a start may take before it counts as failed. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String HOST = "127.0.0.1";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Path executable;
    private final int port;
    private final Path directory;
    private final String configFile;
    private final List<String> arguments;
    private final Thread killOnExit;
    private Process process;
    private boolean closed;

    private LocalRedisServer(Path executable, int port, Path directory, String configFile, List<String> arguments) {
        this.executable = executable;
        this.port = port;
        this.directory = directory;
        this.configFile = configFile;
        this.arguments = List.copyOf(arguments);
        this.killOnExit = new Thread(this::kill, "kill redis-server on port " + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code redis-server} (from {@code PATH}, else the one embedded-redis ships) on a free loopback port.
     *
     * @return the running server
     * @throws IllegalStateException if it does not answer {@code PING} within {@link #START_TIMEOUT}
     */
    public static LocalRedisServer startOnFreePort() {
        return startOnFreePort(RedisServerExecutable.locate());
    }

    /**
     * Starts {@code redis-server} like {@link #startOnFreePort()}, but with an append-only file fsynced before
     * every reply ({@code --appendonly yes --appendfsync always}): whatever it acknowledged survives
     * {@link #crash()} and {@link #start()}, as on a production server configured for it.
     *
     * @return the running server
     * @throws IllegalStateException if it does not answer {@code PING} within {@link #START_TIMEOUT}
     */
    public static LocalRedisServer startDurableOnFreePort() {
        // later arguments override earlier ones on redis-server's command line
        return startOnFreePort(RedisServerExecutable.locate(),
                port -> List.of("--appendonly", "yes", "--appendfsync", "always"), "");
    }

    /**
     * @param executable the {@code redis-server} binary to run
     * @return the running server, on a free loopback port
     */
    static LocalRedisServer startOnFreePort(Path executable) {
        return startOnFreePort(executable, port -> List.of(), "");
    }

    /**
     * Starts a server with more to say than the standalone default: a cluster node or a sentinel.
     *
     * @param executable the {@code redis-server} binary to run
     * @param arguments the extra command-line arguments, given the port (such as an announced address)
     * @param configuration the text of a config file to start from (a sentinel needs a writable one), or empty
     * @return the running server, on a free loopback port
     */
    static LocalRedisServer startOnFreePort(Path executable, IntFunction<List<String>> arguments,
                                            String configuration) {
        try {
            int port = freePort();
            Path directory = Files.createTempDirectory("mpauthx-redis-");
            String configFile = configuration.isEmpty() ? ""
                    : Files.writeString(directory.resolve("redis.conf"), configuration).toString();
            LocalRedisServer server = new LocalRedisServer(executable, port, directory, configFile,
                    arguments.apply(port));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a redis-server", e);
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

    /** @return a Redis URI for clients, such as {@code redis://127.0.0.1:40123} */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** @return the binary this server runs */
    public Path executable() {
        return executable;
    }

    /** @return true while the process runs */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the process (again) on the same port and waits until it answers {@code PING}. Does nothing while
     * it runs. The data of an earlier run is gone, unless the server was started {@linkplain #startDurableOnFreePort() durable}.
     *
     * @throws IllegalStateException if the server was closed or does not come up in time
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this redis-server was closed");
        }
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(command())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log().toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        }
        awaitPong();
    }

    /** Stops the process (SIGTERM, then SIGKILL if it lingers) and waits until it has exited. Idempotent. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Kills the process at once (SIGKILL), as a crash, a pulled plug or the OOM killer would, and waits until it
     * has exited. A primary killed this way cannot hand its clients or replicas anything more; only a
     * {@linkplain #startDurableOnFreePort() durable} server keeps its data across this. Idempotent.
     */
    public synchronized void crash() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server for good and deletes its working directory. Idempotent. */
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
        deleteDirectory();
    }

    @Override
    public String toString() {
        return "redis-server " + uri() + " (" + executable + ")";
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        if (!configFile.isEmpty()) {
            // the file must come first; the options after it override what it says
            command.add(configFile);
        }
        command.addAll(List.of(
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", directory.toString()));
        command.addAll(arguments);
        return command;
    }

    private Path log() {
        return directory.resolve("redis-server.log");
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ping()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                String output = readLog();
                stop();
                throw new IllegalStateException(this + " did not start: " + output);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** @return true if the server answers {@code PING} right now */
    public boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1_000);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException notYet) {
            return false;
        }
    }

    private String readLog() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // a temp directory left behind is harmless and not worth failing a test run over
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
