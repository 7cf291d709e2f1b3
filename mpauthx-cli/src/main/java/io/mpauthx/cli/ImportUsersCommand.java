package io.mpauthx.cli;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.UserRepository.ImportOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mpauthx import-users --from sqlite:FILE --to postgres:URL}: copies every user, profile and times included,
 * from one user database to another (the Node.js original's or ours). The source is opened read-only and never
 * changed; running the copy again changes nothing. Exit 0 copied, 2 refused or failed (counts of what was done are
 * still printed).
 */
@Command(name = "import-users", mixinStandardHelpOptions = true,
        description = "Copy the users of one user database into another, e.g. from SQLite into PostgreSQL. The source"
                + " is only read; a second run changes nothing. Locations: sqlite:FILE or "
                + "postgres:jdbc:postgresql://host:port/database (user and password from MPAUTHX_POSTGRES_USER and "
                + "MPAUTHX_POSTGRES_PASSWORD).")
final class ImportUsersCommand extends CliCommand implements Callable<Integer> {

    /** Users read from the source at a time: a page, not the whole database, in memory. */
    private static final int PAGE = 500;

    private final UserDatabases databases;

    @Option(names = "--from", required = true, paramLabel = "LOCATION", description = "Where the users are now.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "LOCATION", description = "Where they are copied to.")
    private String to;

    ImportUsersCommand() {
        this(System.getenv());
    }

    /** @param environment where PostgreSQL's user, password and schema are read */
    ImportUsersCommand(Map<String, String> environment) {
        this.databases = new UserDatabases(environment);
    }

    @Override
    public Integer call() {
        Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
        try (UserRepository source = databases.openReadOnly(from);
             UserRepository target = databases.openForWriting(to)) {
            for (int offset = 0; ; offset += PAGE) {
                List<User> page = source.list(offset, PAGE);
                page.forEach(user -> counts.merge(target.importUser(user), 1, Integer::sum));
                if (page.size() < PAGE) {
                    break;
                }
            }
            report(counts);
            return 0;
        } catch (MpAuthXException failure) {
            report(counts);
            err().println(failure.getMessage());
            return 2;
        }
    }

    private void report(Map<ImportOutcome, Integer> counts) {
        out().printf("copied %d, updated %d, skipped %d (already the same)%n",
                counts.getOrDefault(ImportOutcome.INSERTED, 0), counts.getOrDefault(ImportOutcome.UPDATED, 0),
                counts.getOrDefault(ImportOutcome.UNCHANGED, 0));
    }
}
