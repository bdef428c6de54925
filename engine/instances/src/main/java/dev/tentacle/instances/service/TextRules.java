package dev.tentacle.instances.service;

/** Checks shared by the records of this package: text that goes into unit files and command lines. */
final class TextRules {
    private TextRules() {
    }

    /** Rejects control characters (line breaks, tabs, NUL), which would split a unit file line or a command line. */
    static String requireSingleLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("The " + what + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1)
                        + ": line breaks, tabs and other control characters cannot go into a service definition; "
                        + "remove it.");
            }
        }
        return value;
    }
}
