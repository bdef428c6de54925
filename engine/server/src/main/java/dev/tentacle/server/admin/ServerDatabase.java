package dev.tentacle.server.admin;

import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a server instance keeps its data, as people are told it: the embedded H2 database's file, or the PostgreSQL
 * hosts and database with the user. Never holds a password.
 *
 * @param kind H2 or PostgreSQL
 * @param description one phrase, e.g. "embedded H2 database /srv/octopus/Database/octopus.mv.db" or "PostgreSQL
 *     database 'octopus' on db1:5432 as user 'octo'"
 * @param h2Database the H2 database's path without H2's {@code .mv.db} suffix, when it is a file on this machine;
 *     empty for PostgreSQL and for H2 in memory or reached over TCP
 */
public record ServerDatabase(DatabaseKind kind, String description, Optional<Path> h2Database) {
    /** The suffixes of the files H2 keeps beside a file database: its data, trace and lock files. */
    static final List<String> H2_FILE_SUFFIXES = List.of(".mv.db", ".trace.db", ".lock.db", ".h2.db");
    private static final int POSTGRESQL_DEFAULT_PORT = 5432;
    /** An H2 file system prefix other than {@code file:}; two letters at least, so a Windows drive is not one. */
    private static final Pattern OTHER_FILE_SYSTEM = Pattern.compile("[A-Za-z][A-Za-z0-9]+:");

    public ServerDatabase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(h2Database, "h2Database");
    }

    /** Describes the storage a configuration opens. */
    public static ServerDatabase of(StorageConfiguration storage) {
        Objects.requireNonNull(storage, "storage");
        return storage.kind() == DatabaseKind.H2 ? h2(storage.jdbcUrl()) : postgresql(storage.jdbcUrl(), storage.user());
    }

    /** The H2 data file, {@code NAME.mv.db}; empty when the database is not a file here. */
    public Optional<Path> h2DataFile() {
        return h2Database.map(base -> base.resolveSibling(base.getFileName() + ".mv.db"));
    }

    /** The files H2 keeps for this database (data, trace, lock); empty when it is not a file here. */
    public List<Path> h2Files() {
        if (h2Database.isEmpty()) {
            return List.of();
        }
        Path base = h2Database.get();
        List<Path> files = new ArrayList<>();
        for (String suffix : H2_FILE_SUFFIXES) {
            files.add(base.resolveSibling(base.getFileName() + suffix));
        }
        return List.copyOf(files);
    }

    private static ServerDatabase h2(String jdbcUrl) {
        String location = jdbcUrl.substring("jdbc:h2:".length());
        int settings = location.indexOf(';');
        if (settings >= 0) {
            location = location.substring(0, settings);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            return new ServerDatabase(DatabaseKind.H2, "H2 database in memory (" + location + "), lost when the"
                    + " server stops", Optional.empty());
        }
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return new ServerDatabase(DatabaseKind.H2, "H2 database served at " + location, Optional.empty());
        }
        if (lower.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (OTHER_FILE_SYSTEM.matcher(location).lookingAt()) {
            // nio:, split:, memFS:, zip: and the like: not a plain file that could be named or deleted here.
            return new ServerDatabase(DatabaseKind.H2, "embedded H2 database " + location, Optional.empty());
        }
        Path path;
        try {
            path = location.startsWith("~")
                    ? Path.of(System.getProperty("user.home"), location.substring(1).replaceFirst("^[/\\\\]", ""))
                    : Path.of(location);
        } catch (InvalidPathException e) {
            return new ServerDatabase(DatabaseKind.H2, "embedded H2 database " + location, Optional.empty());
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            return new ServerDatabase(DatabaseKind.H2, "embedded H2 database " + location, Optional.empty());
        }
        return new ServerDatabase(DatabaseKind.H2, "embedded H2 database "
                + absolute.resolveSibling(absolute.getFileName() + ".mv.db"), Optional.of(absolute));
    }

    private static ServerDatabase postgresql(String jdbcUrl, String user) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        String hosts = "localhost:" + POSTGRESQL_DEFAULT_PORT;
        String database = rest;
        if (rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            database = slash < 0 ? "" : authority.substring(slash + 1);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            int query = authority.indexOf('?');
            if (query >= 0) {
                authority = authority.substring(0, query);
            }
            hosts = hostsWithPorts(authority);
        }
        int query = database.indexOf('?');
        String parameters = query < 0 ? "" : database.substring(query + 1);
        if (query >= 0) {
            database = database.substring(0, query);
        }
        String who = user != null && !user.isBlank() ? user : parameter(parameters, "user");
        StringBuilder text = new StringBuilder("PostgreSQL database");
        if (!database.isBlank()) {
            text.append(" '").append(database).append('\'');
        }
        text.append(" on ").append(hosts);
        if (who != null && !who.isBlank()) {
            text.append(" as user '").append(who).append('\'');
        }
        return new ServerDatabase(DatabaseKind.POSTGRESQL, text.toString(), Optional.empty());
    }

    private static String hostsWithPorts(String authority) {
        List<String> addresses = new ArrayList<>();
        for (String host : authority.split(",")) {
            if (host.isBlank()) {
                continue;
            }
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            addresses.add(hasPort ? host : host + ":" + POSTGRESQL_DEFAULT_PORT);
        }
        return addresses.isEmpty() ? "localhost:" + POSTGRESQL_DEFAULT_PORT : String.join(", ", addresses);
    }

    private static String parameter(String parameters, String name) {
        for (String pair : parameters.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }
}
