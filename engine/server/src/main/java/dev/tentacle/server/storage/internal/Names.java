package dev.tentacle.server.storage.internal;

import java.util.Locale;

/** Checks names people type (machines, policies, tags, API keys) and makes the key they are compared by. */
public final class Names {

    public static final int MAXIMUM_LENGTH = 200;

    private Names() {
    }

    /**
     * The name without surrounding white space.
     *
     * @param what what is being named, for the message, e.g. {@code "machine name"}
     * @throws IllegalArgumentException when the name is blank, too long or holds control characters
     */
    public static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is required and cannot be blank");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("A " + what + " can be at most " + MAXIMUM_LENGTH + " characters, '"
                    + trimmed.substring(0, 40) + "...' has " + trimmed.length());
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The " + what + " '" + trimmed.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters (such as a tab or line break); remove them");
        }
        return trimmed;
    }

    /** The case-insensitive comparison key stored in the {@code *_key} columns. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
