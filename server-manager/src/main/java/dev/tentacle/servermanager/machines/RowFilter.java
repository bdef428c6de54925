package dev.tentacle.servermanager.machines;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which machines the table shows: every condition must hold. Environment and role names are compared ignoring case,
 * as the server compares them; the search text is looked for, ignoring case, in the name and the address.
 *
 * @param environment an environment the machine is in, or null for any
 * @param role a role the machine has, or null for any
 * @param search text in the machine's name or address; blank for any
 */
public record RowFilter(StatusChoice status, ModeChoice mode, String environment, String role, String search)
        implements Predicate<MachineRow> {

    public static final RowFilter ALL = new RowFilter(StatusChoice.ANY, ModeChoice.ANY, null, null, "");

    public RowFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        search = search == null ? "" : search.strip();
    }

    @Override
    public boolean test(MachineRow row) {
        return status.accepts(row) && mode.accepts(row)
                && (environment == null || containsIgnoringCase(row.machine().environments(), environment))
                && (role == null || containsIgnoringCase(row.machine().roles(), role))
                && (search.isEmpty() || lower(row.name()).contains(lower(search))
                        || lower(row.address()).contains(lower(search)));
    }

    /** True when some condition narrows the list. */
    public boolean narrows() {
        return !equals(ALL);
    }

    private static boolean containsIgnoringCase(java.util.List<String> names, String wanted) {
        return names.stream().anyMatch(name -> name.equalsIgnoreCase(wanted));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
