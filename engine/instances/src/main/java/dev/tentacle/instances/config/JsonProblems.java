package dev.tentacle.instances.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tentacle.instances.config.ConfigurationException.Reason;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions into messages a person can act on: where in the file (field path, line and column),
 * what is wrong, and what to do.
 */
final class JsonProblems {
    private static final String TOP_LEVEL = "the top level";

    private final Path file;
    private final String documentName;
    private final Supplier<String> advice;

    /**
     * @param documentName what the file is, such as "Tentacle configuration file"
     * @param advice what to do about a damaged file, appended to every message; computed only when needed
     */
    JsonProblems(Path file, String documentName, Supplier<String> advice) {
        this.file = file;
        this.documentName = documentName;
        this.advice = advice;
    }

    /** A failure to parse {@code content} at all. */
    ConfigurationException syntax(JacksonException e, byte[] content) {
        if (e instanceof JsonEOFException || failsOnlyAtTheEnd(e.getLocation(), content)) {
            return new ConfigurationException(file, Reason.TRUNCATED, "The " + documentName + " " + file
                    + " ends unexpectedly" + at(e.getLocation())
                    + ": it was cut short, perhaps by a crash or a full disk. " + advice.get(), e);
        }
        return new ConfigurationException(file, Reason.INVALID_JSON, "The " + documentName + " " + file
                + " is not valid JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()) + ". " + advice.get(), e);
    }

    /** A failure to turn well-formed JSON into the configuration record. */
    ConfigurationException binding(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            // The parser is then at the end of the object that failed, so a line number would mislead.
            String path = fieldPath(e);
            return invalidValue(path.equals(TOP_LEVEL) ? "" : " in " + path, invalid.getMessage(), e);
        }
        String where = " at " + fieldPath(e) + at(e.getLocation());
        if (e instanceof InvalidFormatException format && !isScalar(format.getTargetType())) {
            Class<?> target = format.getTargetType();
            String problem = target != null && target.isEnum()
                    ? "'" + format.getValue() + "' is not one of " + enumNames(target)
                    : firstLine(format.getOriginalMessage());
            return invalidValue(where, problem, e);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new ConfigurationException(file, Reason.WRONG_TYPE, "The " + documentName + " " + file
                    + " has a value of the wrong type" + where + ": expected " + expected(mismatch.getTargetType())
                    + ". " + advice.get(), e);
        }
        return new ConfigurationException(file, Reason.WRONG_TYPE, "The " + documentName + " " + file
                + " does not have the expected structure" + where + ": " + firstLine(e.getOriginalMessage()) + ". " + advice.get(), e);
    }

    private ConfigurationException invalidValue(String where, String problem, Exception cause) {
        return new ConfigurationException(file, Reason.INVALID_VALUE, "The " + documentName + " " + file
                + " has an invalid value" + where + ": " + strip(problem) + " " + advice.get(), cause);
    }

    /**
     * True when the failure is at the end of the text, or at a word (a literal such as {@code fal}) that runs to the
     * end: the text was cut off there, not mistyped.
     */
    private static boolean failsOnlyAtTheEnd(JsonLocation location, byte[] content) {
        if (location == null || location.getByteOffset() < 0) {
            return false;
        }
        int end = content.length;
        while (end > 0 && Character.isWhitespace(content[end - 1])) {
            end--;
        }
        for (long i = location.getByteOffset(); i < end; i++) {
            if (!Character.isLetterOrDigit(content[(int) i])) {
                return false;
            }
        }
        return true;
    }

    /** A dotted path such as {@code trustedServers[0].thumbprint}, or "the top level". */
    static String fieldPath(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? TOP_LEVEL : path.toString();
    }

    /** Numbers and flags: a bad value for one of these is the wrong type, such as "ten" or 1.5 for a port. */
    private static boolean isScalar(Class<?> type) {
        return type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class);
    }

    static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type) + ", in double quotes";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Path.class || type == java.net.URI.class
                || type == dev.tentacle.comms.Thumbprint.class) {
            return "text in double quotes";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list in square brackets [ ]";
        }
        return "an object in braces { }";
    }

    private static String enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /** Ends a sentence exactly once. */
    private static String strip(String sentence) {
        String trimmed = sentence == null ? "" : sentence.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
