package dev.tentacle.server.storage;

/** The database products the server stores its data in. */
public enum DatabaseKind {
    /** Embedded H2, in PostgreSQL compatibility mode: the default, nothing to install. */
    H2("H2"),
    /** PostgreSQL, reached by JDBC URL: for larger installations and for several server nodes sharing one database. */
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
