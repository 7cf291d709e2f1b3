package io.mpauthx.testkit.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * A JUnit 5 extension that captures every log line, at every level, while a test runs:
 * {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs();}. The root level is lowered to TRACE
 * for the test and restored afterwards.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level levelBefore;

    @Override
    public void beforeEach(ExtensionContext context) {
        levelBefore = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.list.clear();
        appender.start();
        root.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(levelBefore);
    }

    /**
     * @return each line logged so far, as everything a log file would show of it: the message with its
     *         arguments, then the class and message of every exception in the attached chain
     */
    public List<String> lines() {
        return events().stream().map(CapturedLogs::everythingPrinted).toList();
    }

    /** @return the lines logged at WARN or ERROR so far, as {@link #lines()} shows them */
    public List<String> warnings() {
        return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(CapturedLogs::everythingPrinted).toList();
    }

    private List<ILoggingEvent> events() {
        // logback appends under the appender's own lock; reading under it sees no half-added line
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * @param secrets texts that must not be logged
     * @return the captured lines containing any of them; empty when nothing leaked
     */
    public List<String> linesContainingAny(Collection<String> secrets) {
        return lines().stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList();
    }

    private static String everythingPrinted(ILoggingEvent event) {
        StringBuilder printed = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            printed.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return printed.toString();
    }
}
