package dev.tentacle.quickstart;

import java.io.PrintStream;
import java.util.List;

/** What the quickstart prints: steps, the commands it runs, their output, and the closing summary. */
final class Console {
    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String text) {
        out.println();
        out.println("==> " + text);
    }

    /** Shows a command as a person would type it; the value of {@code --apiKey} is masked, as keys are secrets. */
    void command(String launcher, List<String> arguments) {
        StringBuilder line = new StringBuilder("  $ ").append(launcher);
        for (int i = 0; i < arguments.size(); i++) {
            boolean secret = i > 0 && arguments.get(i - 1).equalsIgnoreCase("--apiKey");
            line.append(' ').append(secret ? "API-********" : quoted(arguments.get(i)));
        }
        out.println(line);
    }

    void output(String text) {
        text.lines().forEach(line -> out.println("    " + line));
    }

    void line(String text) {
        out.println(text);
    }

    static String quoted(String argument) {
        if (!argument.isEmpty() && argument.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@,+".indexOf(c) >= 0)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
