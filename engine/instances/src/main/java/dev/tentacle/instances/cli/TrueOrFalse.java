package dev.tentacle.instances.cli;

import java.util.Locale;

/**
 * The value of a flag such as {@code --noListen True}: true or false in any case, as the original accepts; a bare
 * flag means true. The options are declared as text, because picocli leaves a word other than true or false after a
 * boolean flag unconsumed and then reports it as a stray argument instead of a wrong value.
 */
public final class TrueOrFalse {
    private TrueOrFalse() {
    }

    /** Null when the option was not given. */
    public static Boolean parse(String option, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Invalid value for " + option + ": '" + value
                    + "' is not true or false.");
        };
    }
}
