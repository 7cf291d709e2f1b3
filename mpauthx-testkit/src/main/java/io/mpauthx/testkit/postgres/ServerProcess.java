package io.mpauthx.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The running {@code postgres} process (the postmaster) and the processes it forks: the server is all of them. Not
 * thread-safe; {@link LocalPostgres} guards it.
 */
final class ServerProcess {

    private final Process postmaster;

    private ServerProcess(Process postmaster) {
        this.postmaster = postmaster;
    }

    /**
     * @param command the postmaster's command line
     * @param directory its working directory
     * @param log the file its output is appended to
     * @return the started process, which may not accept connections yet
     */
    static ServerProcess start(List<String> command, Path directory, Path log) {
        try {
            return new ServerProcess(new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    boolean isAlive() {
        return postmaster.isAlive();
    }

    /**
     * Runs a command that shuts the server down and waits for the postmaster to exit; kills what is left if the
     * command fails or the server takes longer than the timeout.
     */
    void stopWith(List<String> stopCommand, Duration timeout) {
        try {
            Process stop = new ProcessBuilder(stopCommand).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean stopped = stop.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && stop.exitValue() == 0
                    && postmaster.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!stopped) {
                stop.destroyForcibly();
                kill(timeout);
            }
        } catch (IOException e) {
            kill(timeout);
        } catch (InterruptedException e) {
            kill(timeout);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the postmaster and its children with SIGKILL and waits until they have exited. The children are listed
     * first: once the postmaster is gone they are no longer its descendants.
     */
    void kill(Duration timeout) {
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster.toHandle()), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // gone or stuck in the kernel: nothing more a SIGKILL can do
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
