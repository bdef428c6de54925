package dev.tentacle.instances.cli;

import dev.tentacle.comms.CommsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure of a command into one clear line on standard error and a non-zero exit code. Stack traces
 * appear only with {@code TENTACLE_DEBUG=1}.
 */
public final class CliErrors implements IExecutionExceptionHandler {
    /** Exit code for a failure the user can fix (bad input, missing instance, refused connection). */
    public static final int USER_ERROR = 1;
    /** Exit code for an unexpected failure. */
    public static final int INTERNAL_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("Error: " + describe(e));
        if ("1".equals(System.getenv("TENTACLE_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return isExpected(e) ? USER_ERROR : INTERNAL_ERROR;
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof CommsException comms) {
            return message + " [" + comms.code() + "]";
        }
        if (message == null || message.isBlank()) {
            return "an unexpected " + e.getClass().getSimpleName() + " occurred; run again with TENTACLE_DEBUG=1 for details";
        }
        return message;
    }

    private static boolean isExpected(Throwable e) {
        return e instanceof CommsException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException || e.getClass().getSimpleName().endsWith("Exception")
                        && e.getClass().getPackageName().startsWith("dev.tentacle");
    }
}
