package dev.tentacle.instances.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as real processes: the program is looked up in an {@link ExecutableSearchPath}, which also becomes
 * the child's {@code PATH}; standard input is closed; standard output and error are captured (at most
 * {@value #OUTPUT_LIMIT} bytes each); a command that runs longer than the timeout is killed with its children.
 *
 * <p>On Windows each argument is passed already quoted by {@link CommandLineSyntax#WINDOWS}, because Java's own
 * Windows quoting does not escape embedded quotes and would break {@code sc.exe}'s {@code binPath= "\"C:\..." ...}.
 * Java passes an argument that starts and ends with a quote through unchanged.
 */
public final class ProcessCommandRunner implements CommandRunner {
    /** Long enough for {@code systemctl start} of a slow unit or {@code sc.exe} on a busy machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    static final int OUTPUT_LIMIT = 64 * 1024;
    private static final Duration READER_GRACE = Duration.ofSeconds(5);

    private final ExecutableSearchPath searchPath;
    private final Duration timeout;
    private final boolean windows;

    public ProcessCommandRunner(ExecutableSearchPath searchPath, Duration timeout) {
        this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The command timeout must be positive, was " + timeout + ".");
        }
        this.windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** This process's {@code PATH} and a two-minute timeout. */
    public static ProcessCommandRunner withDefaults() {
        return new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment(), DEFAULT_TIMEOUT);
    }

    public ExecutableSearchPath searchPath() {
        return searchPath;
    }

    @Override
    public Optional<Path> locate(String program) {
        return searchPath.find(program);
    }

    @Override
    public CommandResult run(Command command) {
        Path executable = locate(command.program()).orElseThrow(() -> new ServiceManagerException("Cannot run `"
                + command.display() + "`: " + command.program() + " was not found in any directory of the PATH ("
                + searchPath + "). Install it, or add the directory that holds it to the PATH."));
        ProcessBuilder builder = new ProcessBuilder(processArguments(executable, command));
        builder.environment().put("PATH", searchPath.toPathVariable());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ServiceManagerException("Cannot run `" + command.display() + "`: " + e.getMessage()
                    + ". Check that " + executable + " is an executable program this user may run.", e);
        }
        return collect(command, process);
    }

    private List<String> processArguments(Path executable, Command command) {
        List<String> arguments = new ArrayList<>();
        arguments.add(executable.toString());
        for (String argument : command.arguments()) {
            arguments.add(windows ? CommandLineSyntax.WINDOWS.quote(argument) : argument);
        }
        return arguments;
    }

    private CommandResult collect(Command command, Process process) {
        // Console programs print in the platform's native encoding, not necessarily the JVM's default.
        Charset charset = Charset.forName(System.getProperty("native.encoding", ""), Charset.defaultCharset());
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The program does not read its input; if the pipe is already gone there is nothing to close.
        }
        OutputCapture stdout = OutputCapture.start(process.getInputStream());
        OutputCapture stderr = OutputCapture.start(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ServiceManagerException("`" + command.display() + "` did not finish within "
                        + describe(timeout) + " and was stopped. It printed:" + System.lineSeparator()
                        + new CommandResult(command, -1, stdout.awaitText(charset), stderr.awaitText(charset)).output()
                        .indent(4).stripTrailing() + System.lineSeparator()
                        + "Check whether the program is waiting for something (a password prompt, a hung service) "
                        + "and run the command by hand to see.");
            }
            return new CommandResult(command, process.exitValue(), stdout.awaitText(charset), stderr.awaitText(charset));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ServiceManagerException("Interrupted while waiting for `" + command.display()
                    + "`; the command was stopped and may have done part of its work.", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Reads one stream on a virtual thread, keeping the first {@value #OUTPUT_LIMIT} bytes. */
    private static final class OutputCapture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;
        private volatile boolean truncated;
        private volatile String failure;

        private OutputCapture(InputStream stream) {
            this.reader = Thread.ofVirtual().name("command-output").start(() -> read(stream));
        }

        static OutputCapture start(InputStream stream) {
            return new OutputCapture(stream);
        }

        private void read(InputStream stream) {
            byte[] buffer = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    int room = OUTPUT_LIMIT - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                    if (n > room) {
                        truncated = true;
                    }
                }
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }

        String awaitText(Charset charset) throws InterruptedException {
            // The process has ended (or was killed), so its pipes close and the reader finishes promptly, unless a
            // child it left behind still holds them open: then report what arrived so far.
            boolean complete = reader.join(READER_GRACE);
            String text = kept.toString(charset);
            if (truncated) {
                text += System.lineSeparator() + "[output cut after " + OUTPUT_LIMIT + " bytes]";
            }
            if (failure != null) {
                text += System.lineSeparator() + "[could not read the rest of the output: " + failure + "]";
            }
            if (!complete) {
                text += System.lineSeparator() + "[output incomplete: a process the command started kept it open]";
            }
            return text;
        }
    }
}
