package dev.tentacle.instances.service;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the program at the other end splits its command line into arguments, and so how to quote an argument for it.
 */
public enum CommandLineSyntax {
    /**
     * A POSIX shell: arguments made only of safe characters stay bare, anything else goes in single quotes. Used to
     * show Linux commands so they can be pasted into a shell.
     */
    POSIX {
        private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

        @Override
        public String quote(String argument) {
            if (SAFE.matcher(argument).matches()) {
                return argument;
            }
            return "'" + argument.replace("'", "'\\''") + "'";
        }
    },

    /**
     * The Microsoft C runtime's rules ({@code CommandLineToArgvW}), which {@code sc.exe}, {@code reg.exe} and Java's
     * Windows launcher use: an argument with a space, tab or quote is wrapped in double quotes; inside, a quote is
     * written {@code \"}, and backslashes are doubled only where they precede a quote (including the closing one).
     * So {@code C:\Program Files\} becomes {@code "C:\Program Files\\"}.
     */
    WINDOWS {
        @Override
        public String quote(String argument) {
            if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n'
                    || c == 0x0B || c == '"')) {
                return argument;
            }
            StringBuilder quoted = new StringBuilder(argument.length() + 2).append('"');
            int backslashes = 0;
            for (int i = 0; i < argument.length(); i++) {
                char c = argument.charAt(i);
                if (c == '\\') {
                    backslashes++;
                    continue;
                }
                if (c == '"') {
                    quoted.repeat('\\', backslashes * 2 + 1);
                } else {
                    quoted.repeat('\\', backslashes);
                }
                quoted.append(c);
                backslashes = 0;
            }
            return quoted.repeat('\\', backslashes * 2).append('"').toString();
        }
    };

    /** The argument as this syntax needs it written so that the program receives exactly {@code argument}. */
    public abstract String quote(String argument);

    /** The arguments quoted and joined with single spaces. */
    public String join(List<String> arguments) {
        return arguments.stream().map(this::quote).collect(Collectors.joining(" "));
    }
}
