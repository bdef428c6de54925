package dev.tentacle.desktop.fx;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Something the user asked for failed: what it was, and the message that says what to do. Engine exceptions already
 * carry such messages; anything else (a bug) is shown as unexpected, with the details for a report.
 *
 * @param title what failed, e.g. "Could not start the service"
 * @param message what went wrong and what to do about it
 * @param details the stack trace for unexpected failures; empty for expected ones
 */
public record Failure(String title, String message, String details) {

    public Failure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
    }

    public static Failure of(String title, Throwable error) {
        Throwable cause = unwrap(error);
        String message = cause.getMessage();
        if (isUnexpected(cause) || message == null || message.isBlank()) {
            return new Failure(title, "Unexpected error: " + cause + ". This is a bug;"
                    + " please report it with the details below.", stackTrace(cause));
        }
        return new Failure(title, message, "");
    }

    public boolean isUnexpected() {
        return !details.isEmpty();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isUnexpected(Throwable error) {
        return error instanceof NullPointerException || error instanceof ClassCastException
                || error instanceof IndexOutOfBoundsException || error instanceof UnsupportedOperationException
                || error instanceof Error;
    }

    private static String stackTrace(Throwable error) {
        var text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
