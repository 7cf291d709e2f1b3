package io.mpauthx.adapter.postgres;

import org.postgresql.Driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a JDBC URL leads, read by the PostgreSQL driver's own parser, so that it means here what it means when
 * connecting. Names the servers and the database in messages and logs, never credentials.
 *
 * @param servers {@code host:port}, one per server the URL lists, comma-separated
 * @param database the database's name
 */
record ServerAddress(String servers, String database) {

    private static final String DEFAULT_PORT = "5432";

    /**
     * @param jdbcUrl a {@code jdbc:postgresql:} URL
     * @param user the user connecting, whose name is the database's when the URL names none; may be null
     * @return the URL's servers and database, or empty when the driver does not accept the URL
     */
    static Optional<ServerAddress> of(String jdbcUrl, String user) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            return Optional.empty();
        }
        String database = parsed.getProperty("PGDBNAME", "");
        if (database.isEmpty()) {
            database = user != null ? user : parsed.getProperty("user", "(the user's own)");
        }
        return Optional.of(new ServerAddress(servers(parsed.getProperty("PGHOST", "localhost"),
                parsed.getProperty("PGPORT", DEFAULT_PORT)), database));
    }

    /** @return true if the URL carries a password parameter: the user's, or the one of its TLS key */
    static boolean carriesPassword(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        return parsed != null && (parsed.containsKey("password") || parsed.containsKey("sslpassword"));
    }

    private static String servers(String hosts, String ports) {
        String[] hostList = hosts.split(",");
        String[] portList = ports.split(",");
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < hostList.length; i++) {
            servers.add(hostList[i] + ":" + (i < portList.length ? portList[i] : DEFAULT_PORT));
        }
        return String.join(",", servers);
    }

    /** @return such as {@code database "app" at db.internal:5432} */
    @Override
    public String toString() {
        return "database \"" + database + "\" at " + servers;
    }
}
