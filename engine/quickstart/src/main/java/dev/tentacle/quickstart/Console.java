package dev.tentacle.quickstart;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

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

    void command(String launcher, List<String> arguments) {
        out.println("  $ " + launcher + " " + arguments.stream().map(Console::quoted).collect(Collectors.joining(" ")));
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
