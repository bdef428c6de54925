package dev.tentacle.server.storage.internal;

/**
 * Ids are numbers in the database and Octopus-style text such as {@code Machines-12} for people; this parses the text
 * form for every id type.
 */
public final class EntityIds {

    private EntityIds() {
    }

    /**
     * Reads {@code <prefix><number>} (the prefix is case-insensitive) or a bare number.
     *
     * @param prefix e.g. {@code "Machines-"}
     * @throws IllegalArgumentException showing the expected form
     */
    public static long parse(String prefix, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An id such as " + prefix + "1 is required");
        }
        String trimmed = text.strip();
        String digits = trimmed.regionMatches(true, 0, prefix, 0, prefix.length())
                ? trimmed.substring(prefix.length())
                : trimmed;
        try {
            return requirePositive(prefix, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an id of the form " + prefix + "<number>, such as "
                    + prefix + "1", e);
        }
    }

    public static long requirePositive(String prefix, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(prefix + "<number> ids start at 1, got " + value);
        }
        return value;
    }
}
