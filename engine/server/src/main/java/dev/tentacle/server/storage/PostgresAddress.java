package dev.tentacle.server.storage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PostgreSQL JDBC URLs: built from a host, port, database and login ({@link #jdbcUrl}), and their {@code host:port}
 * list, for error messages.
 */
public final class PostgresAddress {

    /** PostgreSQL's usual port. */
    public static final int DEFAULT_PORT = 5432;
    private static final String PREFIX = "jdbc:postgresql:";

    private PostgresAddress() {
    }

    /**
     * The JDBC URL of a database, with the login in it, so that a configuration's storage connection string alone
     * opens it: {@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD}. The database, user and
     * password are URL-encoded (the driver decodes them), so any character may appear in them; an IPv6 address is put
     * in brackets.
     *
     * @param password the password; null or empty for none (the server then needs no password for this user)
     * @throws IllegalArgumentException when the host, database or user is blank, or the port is not 1 to 65535
     */
    public static String jdbcUrl(String host, int port, String database, String user, String password) {
        String checkedHost = required(host, "host").strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The PostgreSQL port must be between 1 and 65535, was " + port
                    + "; the usual one is " + DEFAULT_PORT + ".");
        }
        if (checkedHost.contains(":") && !checkedHost.startsWith("[")) {
            checkedHost = "[" + checkedHost + "]";
        }
        StringBuilder url = new StringBuilder(PREFIX).append("//").append(checkedHost).append(':').append(port)
                .append('/').append(encode(required(database, "database").strip()))
                .append("?user=").append(encode(required(user, "user").strip()));
        if (password != null && !password.isEmpty()) {
            url.append("&password=").append(encode(password));
        }
        return url.toString();
    }

    /** The user a configuration logs in as: its own, else the {@code user} parameter of its URL; null when neither. */
    static String user(StorageConfiguration configuration) {
        if (configuration.user() != null || configuration.kind() != DatabaseKind.POSTGRESQL) {
            return configuration.user();
        }
        String url = configuration.jdbcUrl();
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase("user")) {
                try {
                    return URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return parameter.substring(equals + 1);
                }
            }
        }
        return null;
    }

    private static String required(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("The PostgreSQL " + what + " is required.");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code jdbc:postgresql://db1:5433,db2/octopus} gives {@code db1:5433, db2:5432}; a URL without a host
     * ({@code jdbc:postgresql:octopus}) gives {@code localhost:5432}.
     */
    static String hostsAndPorts(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        if (!rest.startsWith("//")) {
            return "localhost:" + DEFAULT_PORT;
        }
        String authority = rest.substring(2);
        int end = indexOfAny(authority, "/?");
        if (end >= 0) {
            authority = authority.substring(0, end);
        }
        List<String> addresses = new ArrayList<>();
        for (String host : authority.split(",")) {
            if (host.isBlank()) {
                continue;
            }
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            addresses.add(hasPort ? host : host + ":" + DEFAULT_PORT);
        }
        return addresses.isEmpty() ? "localhost:" + DEFAULT_PORT : String.join(", ", addresses);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
