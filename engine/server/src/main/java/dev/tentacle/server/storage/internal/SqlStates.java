package dev.tentacle.server.storage.internal;

import java.sql.SQLException;

/** SQL states of constraint violations, as H2 (in PostgreSQL mode) and PostgreSQL report them. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row with its own state rather than 23503. */
    public static final String H2_FOREIGN_KEY_PARENT_MISSING = "23506";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(SQLException e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    public static boolean isForeignKeyViolation(SQLException e) {
        return hasState(e, FOREIGN_KEY_VIOLATION) || hasState(e, H2_FOREIGN_KEY_PARENT_MISSING);
    }

    private static boolean hasState(SQLException e, String state) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (state.equals(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
