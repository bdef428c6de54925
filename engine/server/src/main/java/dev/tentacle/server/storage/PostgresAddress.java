package dev.tentacle.server.storage;

import java.util.ArrayList;
import java.util.List;

/** The {@code host:port} list of a PostgreSQL JDBC URL, for error messages. */
final class PostgresAddress {

    static final int DEFAULT_PORT = 5432;
    private static final String PREFIX = "jdbc:postgresql:";

    private PostgresAddress() {
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
