package dev.tentacle.manager.instances;

import java.util.regex.Pattern;

/** Quotes arguments of the equivalent command lines the screens show, as a POSIX shell reads them. */
final class ShellQuoting {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellQuoting() {
    }

    static String quote(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
