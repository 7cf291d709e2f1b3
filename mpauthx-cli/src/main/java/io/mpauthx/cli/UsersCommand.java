package io.mpauthx.cli;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mpauthx users --db FILE} or {@code --postgres URL}: the registered users as a table. The database is opened
 * read-only and never migrated, so pointing the command at the wrong one changes nothing; a database of the Node.js
 * original is read as it is. Exit 0 listed, 2 refused (bad option, no such database, not an mpauthx user database).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "List the users stored in an mpauthx user database (SQLite or PostgreSQL). The database is only"
                + " read, never changed. PostgreSQL's user and password come from MPAUTHX_POSTGRES_USER and "
                + "MPAUTHX_POSTGRES_PASSWORD.")
final class UsersCommand extends CliCommand implements Callable<Integer> {

    private static final String ROW_FORMAT = "%-40s %-20s %-6s %-12s %-12s %-10s %-24s%n";

    private final UserDatabases databases;

    @ArgGroup(multiplicity = "1")
    private Where where;

    /** One of the two stores. */
    static final class Where {
        @Option(names = "--db", paramLabel = "FILE", description = "The SQLite database file of mpauthx.")
        private Path database;

        @Option(names = "--postgres", paramLabel = "URL",
                description = "The PostgreSQL database, jdbc:postgresql://host:port/database.")
        private String postgres;
    }

    UsersCommand() {
        this(System.getenv());
    }

    /** @param environment where PostgreSQL's user, password and schema are read */
    UsersCommand(Map<String, String> environment) {
        this.databases = new UserDatabases(environment);
    }

    private int limit;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
            description = "Show at most this many users, at least 1 (default: ${DEFAULT-VALUE}).")
    void limit(int limit) {
        if (limit < 1) {
            throw new ParameterException(commandLine(), "--limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        String location = where.database != null ? "sqlite:" + where.database
                : UserDatabases.postgresLocation(where.postgres);
        try (UserRepository users = databases.openReadOnly(location)) {
            List<User> page = users.list(0, limit);
            out.printf(ROW_FORMAT, "openId", "nickName", "gender", "city", "province", "country", "createdAt");
            page.forEach(user -> printRow(out, user));
            out.printf("%d user(s) shown%n", page.size());
            return 0;
        } catch (MpAuthXException failure) {
            err().println(failure.getMessage());
            return 2;
        }
    }

    private static void printRow(PrintWriter out, User user) {
        UserProfile profile = user.profile().orElse(new UserProfile("", 0, "", "", "", "", ""));
        out.printf(ROW_FORMAT, user.id(), profile.nickName(), profile.gender(), profile.city(),
                profile.province(), profile.country(), user.createdAt());
    }
}
