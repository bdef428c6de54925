package dev.tentacle.instances.service;

import java.util.ArrayList;
import java.util.List;

/**
 * How Windows programs read their command line, written from Microsoft's documentation ("Parsing C command-line
 * arguments"), to check {@link CommandLineSyntax#WINDOWS} and {@code binPath} by a round trip.
 */
final class WindowsArgv {
    private WindowsArgv() {
    }

    /** The C runtime's split of the arguments (the part after the program name). */
    static List<String> parseArguments(String line) {
        List<String> arguments = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return arguments;
            }
            StringBuilder current = new StringBuilder();
            boolean inQuotes = false;
            while (i < n) {
                char c = line.charAt(i);
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int count = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        current.repeat('\\', count / 2);
                        if (count % 2 == 1) {
                            current.append('"');
                            i++;
                        }
                    } else {
                        current.repeat('\\', count);
                    }
                    continue;
                }
                if (c == '"') {
                    if (inQuotes && i + 1 < n && line.charAt(i + 1) == '"') {
                        current.append('"');
                        i += 2;
                    } else {
                        inQuotes = !inQuotes;
                        i++;
                    }
                    continue;
                }
                if (!inQuotes && (c == ' ' || c == '\t')) {
                    break;
                }
                current.append(c);
                i++;
            }
            arguments.add(current.toString());
        }
    }

    /**
     * A full command line as the service control manager's {@code CreateProcess} and then the program read it: the
     * program name up to the closing quote (no escapes), then the C runtime's arguments.
     */
    static List<String> parseCommandLine(String line) {
        List<String> argv = new ArrayList<>();
        int end;
        if (line.startsWith("\"")) {
            end = line.indexOf('"', 1);
            argv.add(line.substring(1, end));
            end++;
        } else {
            end = line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ');
            argv.add(line.substring(0, end));
        }
        argv.addAll(parseArguments(line.substring(end)));
        return argv;
    }
}
