package dev.tentacle.tentacle.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that cannot be parsed (unknown command or option, missing or malformed value) in two lines:
 * what is wrong, and where to find the right spelling. Exit code 1.
 */
final class CliParameterErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + describe(e, command));
        err.println(command.getParent() == null ? "Run 'tentacle help' for the list."
                : "Run 'tentacle help " + command.getCommandName() + "' for the list of its options.");
        err.flush();
        return CliErrors.USER_ERROR;
    }

    private static String describe(ParameterException e, CommandLine command) {
        if (!(e instanceof UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        String message = e.getMessage();
        var arguments = unmatched.getUnmatched();
        if (command.getParent() == null && !unmatched.isUnknownOption() && !arguments.isEmpty()) {
            message = "'" + arguments.getFirst() + "' is not a tentacle command.";
        } else if (unmatched.isUnknownOption()) {
            // picocli lists the option's value too ("Unknown options: '--prot', '10933'"); name the option alone.
            var options = arguments.stream().filter(argument -> argument.startsWith("-")).toList();
            if (options.size() == 1) {
                message = "Unknown option: '" + options.getFirst() + "'.";
            }
        }
        var suggestions = unmatched.getSuggestions();
        return suggestions.isEmpty() ? message : message + " Did you mean " + suggestions.getFirst() + "?";
    }
}
