package io.mpauthx.cli;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.server.MpAuthXServer;
import io.mpauthx.server.ServeConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mpauthx serve [--config FILE]}: the HTTP service, until the process is stopped (SIGTERM or Ctrl-C drain the
 * calls in flight first). Configured by the environment for one app, or by a properties file for several.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve logins, token checks and revocations over HTTP (docs/server.md).",
            "Without --config, one app from MPAUTHX_* environment variables (MPAUTHX_SERVE_CONFIG may name a file)."})
final class ServeCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file listing the apps, their shared stores and the server's settings.")
    private Path config;

    @Override
    public Integer call() {
        MpAuthXServer server;
        try {
            ServeConfiguration configuration = config == null ? ServeConfiguration.fromEnvironment(System.getenv())
                    : ServeConfiguration.fromFile(config, System.getenv());
            server = configuration.start();
            String scheme = configuration.settings().tlsCertificate().isPresent() ? "https://" : "http://";
            out().println("mpauthx serves " + configuration.skus() + " on " + scheme
                    + server.address().getHostString() + ":" + server.port());
            out().flush();
        } catch (MpAuthXException failure) {
            err().println("cannot serve: " + failure.getMessage());
            return 2;
        }
        return serveUntilStopped(server);
    }

    /** Until the JVM shuts down (the hook drains and closes) or this thread is interrupted (tests, embedding). */
    private int serveUntilStopped(MpAuthXServer server) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            closed.countDown();
        }, "mpauthx-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            closed.await();
        } catch (InterruptedException interrupted) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            out().println("mpauthx service stopped");
            out().flush();
        }
        return 0;
    }
}
