package dev.tentacle.instances.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that cannot be parsed (unknown command or option, missing or malformed value) in two lines:
 * what is wrong, and where to find the right spelling. Exit code 1. Messages name the program by its root command's
 * name, so {@code tentacle} and {@code octopus-server} share this handler.
 */
public final class CliParameterErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + describe(e, command));
        err.println(whereToLook(command));
        err.flush();
        return CliErrors.USER_ERROR;
    }

    /** Where the right spelling is: the program's help for the top level, the command's own help below it. */
    private static String whereToLook(CommandLine command) {
        String program = command.getCommandSpec().root().name();
        if (command.getParent() == null) {
            return "Run '" + program + " help' for the list.";
        }
        if (command.getParent().getParent() == null) {
            return "Run '" + program + " help " + command.getCommandName() + "' for the list of its options.";
        }
        return "Run '" + command.getCommandSpec().qualifiedName() + " --help' for the list of its options.";
    }

    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String describe(ParameterException e, CommandLine command) {
        if (!(e instanceof UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        String message = unmatchedMessage(unmatched, command);
        String typed = unmatched.getUnmatched().stream()
                .filter(argument -> !unmatched.isUnknownOption() || argument.startsWith("-"))
                .findFirst().map(CliParameterErrors::strip).orElse("");
        if (typed.length() < 3) {
            return message;
        }
        return candidates(unmatched, command).stream()
                .filter(candidate -> !hidden(command, candidate))
                .min(Comparator.comparingInt((String candidate) -> distance(typed, strip(candidate))))
                .filter(candidate -> distance(typed, strip(candidate)) <= Math.max(2, typed.length() / 4))
                .map(candidate -> message + " Did you mean " + candidate + "?")
                .orElse(message);
    }

    /** The commands, or this command's options, whichever the user mistyped. */
    private static List<String> candidates(UnmatchedArgumentException unmatched, CommandLine command) {
        if (unmatched.isUnknownOption()) {
            return command.getCommandSpec().options().stream().flatMap(option -> Stream.of(option.names())).toList();
        }
        return List.copyOf(command.getSubcommands().keySet());
    }

    private static boolean hidden(CommandLine command, String candidate) {
        var option = command.getCommandSpec().findOption(candidate);
        return option != null && option.hidden();
    }

    private static String unmatchedMessage(UnmatchedArgumentException unmatched, CommandLine command) {
        String message = unmatched.getMessage();
        var arguments = unmatched.getUnmatched();
        if (!command.getSubcommands().isEmpty() && !unmatched.isUnknownOption() && !arguments.isEmpty()) {
            String commandPath = command.getCommandSpec().qualifiedName();
            message = "'" + arguments.getFirst() + "' is not " + article(commandPath) + " " + commandPath + " command.";
        } else if (unmatched.isUnknownOption()) {
            // picocli lists the option's value too ("Unknown options: '--prot', '10933'"); name the option alone.
            var options = arguments.stream().filter(argument -> argument.startsWith("-")).toList();
            if (options.size() == 1) {
                message = "Unknown option: '" + options.getFirst() + "'.";
            }
        }
        return message;
    }

    private static String strip(String argument) {
        String name = argument.replaceFirst("^-+", "");
        int equals = name.indexOf('=');
        return (equals < 0 ? name : name.substring(0, equals)).toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
