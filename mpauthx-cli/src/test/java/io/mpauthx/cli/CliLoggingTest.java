package io.mpauthx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped logging configuration (the CLI's logback.xml, on this classpath too) lets through. */
class CliLoggingTest {

    @TempDir
    Path folder;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> shown = new ListAppender<>();

    @BeforeEach
    void listenAtTheShippedLevels() {
        shown.start();
        root.addAppender(shown);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(shown);
        shown.stop();
    }

    @Test
    void aDemoOnANewDatabaseLogsOneInfoLineAndNoMigrationChatter() {
        int exitCode = new CapturedCli().run("demo", "--db", folder.resolve("new.db").toString());

        assertThat(exitCode).isZero();
        assertThat(linesAtInfoOrAbove()).containsExactly("INFO io.mpauthx.bootstrap.MpAuthX: mpauthx ready for sku demo");
    }

    @Test
    void verboseShowsTheLibrarysDebugLinesAndTheNextRunIsQuietAgain() {
        CapturedCli cli = new CapturedCli();

        cli.run("demo", "--verbose", "--db", folder.resolve("verbose.db").toString());
        assertThat(shownEvents()).anyMatch(event -> event.getLevel() == Level.DEBUG
                && event.getLoggerName().startsWith("io.mpauthx."));

        int linesOfTheVerboseRun = shownEvents().size();
        cli.run("demo", "--db", folder.resolve("quiet.db").toString());
        assertThat(shownEvents().subList(linesOfTheVerboseRun, shownEvents().size()))
                .noneMatch(event -> event.getLevel() == Level.DEBUG);
    }

    private List<String> linesAtInfoOrAbove() {
        return shownEvents().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
    }

    private List<ILoggingEvent> shownEvents() {
        // logback appends under the appender's own lock; a copy taken under it has no half-added line
        synchronized (shown) {
            return List.copyOf(shown.list);
        }
    }
}
