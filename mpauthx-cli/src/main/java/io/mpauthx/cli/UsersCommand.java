package io.mpauthx.cli;

import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mpauthx users --db FILE}: the registered users as a table. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "List the users stored in an mpauthx SQLite database.")
final class UsersCommand extends CliCommand implements Callable<Integer> {

    private static final String ROW_FORMAT = "%-40s %-20s %-6s %-12s %-12s %-10s %-24s%n";

    @Option(names = "--db", required = true, description = "The SQLite database file.")
    private Path database;

    @Option(names = "--limit", defaultValue = "100", description = "Show at most this many users (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (!Files.isRegularFile(database)) {
            err().printf("no database at %s%n", database.toAbsolutePath());
            return 2;
        }
        try (UserRepository users = SqliteAdapters.userRepository(database)) {
            List<User> page = users.list(0, Math.max(1, limit));
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
