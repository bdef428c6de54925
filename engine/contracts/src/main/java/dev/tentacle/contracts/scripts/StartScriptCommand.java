package dev.tentacle.contracts.scripts;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What to run: the script, its shell, its isolation, its arguments and the files it needs. Used as is by
 * {@link ScriptService} (v1) and inside {@link StartScriptCommandV2}.
 *
 * @param scriptBody the script text; saved as UTF-8 ({@link ScriptSyntax#BASH}: with LF line ends;
 *     {@link ScriptSyntax#POWERSHELL}: with a byte order mark; {@link ScriptSyntax#CMD}: with CRLF line ends)
 * @param syntax the shell that runs it
 * @param isolation null means {@link ScriptIsolationLevel#FULL_ISOLATION}
 * @param isolationMutexName the mutex the isolation applies to; null or blank means {@link #DEFAULT_MUTEX_NAME}
 * @param isolationTimeout how long to wait for the mutex before giving up with {@link ScriptExitCodes#TIMEOUT};
 *     null means wait until the mutex is free or the script is cancelled
 * @param arguments passed to the script after its file name; null means none
 * @param files saved beside the script before it starts; null means none
 */
public record StartScriptCommand(String scriptBody, ScriptSyntax syntax, ScriptIsolationLevel isolation, String isolationMutexName,
        Duration isolationTimeout, List<String> arguments, List<ScriptFile> files) {
    /** The mutex Octopus uses when a step names none. */
    public static final String DEFAULT_MUTEX_NAME = "RunningScript";
    private static final int LONGEST_MUTEX_NAME = 200;

    public StartScriptCommand {
        Objects.requireNonNull(scriptBody, "scriptBody: a script body is required (it may be empty)");
        Objects.requireNonNull(syntax, "syntax: say which shell runs the script (BASH, POWERSHELL or CMD)");
        isolation = isolation == null ? ScriptIsolationLevel.FULL_ISOLATION : isolation;
        isolationMutexName = isolationMutexName == null || isolationMutexName.isBlank() ? DEFAULT_MUTEX_NAME : isolationMutexName.strip();
        if (isolationMutexName.length() > LONGEST_MUTEX_NAME || isolationMutexName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An isolation mutex name is at most " + LONGEST_MUTEX_NAME
                    + " characters without control characters; got '" + isolationMutexName + "'.");
        }
        if (isolationTimeout != null && isolationTimeout.isNegative()) {
            throw new IllegalArgumentException("The isolation timeout cannot be negative (got " + isolationTimeout
                    + "); leave it empty to wait for the mutex as long as it takes.");
        }
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        files = files == null ? List.of() : List.copyOf(files);
        Set<String> names = new HashSet<>();
        for (ScriptFile file : files) {
            if (!names.add(file.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Two script files are named '" + file.name() + "' (names are compared without regard to case); "
                        + "give each file its own name.");
            }
        }
    }

    /** A script with full isolation on the default mutex, waiting for it as long as it takes, with no arguments or files. */
    public static StartScriptCommand of(ScriptSyntax syntax, String scriptBody) {
        return new StartScriptCommand(scriptBody, syntax, null, null, null, null, null);
    }

    public StartScriptCommand withIsolation(ScriptIsolationLevel level, String mutexName, Duration timeout) {
        return new StartScriptCommand(scriptBody, syntax, level, mutexName, timeout, arguments, files);
    }

    public StartScriptCommand withArguments(String... values) {
        return new StartScriptCommand(scriptBody, syntax, isolation, isolationMutexName, isolationTimeout, Arrays.asList(values), files);
    }

    public StartScriptCommand withFiles(ScriptFile... values) {
        return new StartScriptCommand(scriptBody, syntax, isolation, isolationMutexName, isolationTimeout, arguments, Arrays.asList(values));
    }
}
