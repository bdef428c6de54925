package dev.tentacle.quickstart;

import dev.tentacle.server.cli.OctopusServerCli;
import dev.tentacle.tentacle.cli.TentacleCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code tentacle} and {@code octopus-server} command lines as processes of their own, with this JVM's class
 * path and the quickstart's instance registry, and shows each command as a person would type it.
 */
final class CommandLines {
    /** The two programs, by the name a person types. */
    enum Program {
        TENTACLE("tentacle", TentacleCli.class.getName()),
        OCTOPUS_SERVER("octopus-server", OctopusServerCli.class.getName());

        final String launcher;
        final String mainClass;

        Program(String launcher, String mainClass) {
            this.launcher = launcher;
            this.mainClass = mainClass;
        }
    }

    /** What a finished command printed. */
    record Result(int exitCode, String output, String errors) {
    }

    private static final long COMMAND_TIMEOUT_MINUTES = 5;

    private final QuickstartLayout layout;
    private final Console console;

    CommandLines(QuickstartLayout layout, Console console) {
        this.layout = layout;
        this.console = console;
    }

    /**
     * Runs a command to its end and shows its output.
     *
     * @throws QuickstartException when it fails, with its error output
     */
    Result run(Program program, String... arguments) {
        Result result = runQuietly(program, arguments);
        console.output(result.output());
        if (result.exitCode() != 0) {
            throw new QuickstartException(program.launcher + " " + arguments[0] + " failed (exit code " + result.exitCode()
                    + "): " + result.errors().strip());
        }
        return result;
    }

    /** Runs a command to its end, showing the command but not its output. */
    Result runQuietly(Program program, String... arguments) {
        console.command(program.launcher, List.of(arguments));
        ProcessBuilder builder = builder(program, List.of(arguments));
        try {
            Path errors = Files.createTempFile(layout.logsDirectory(), "stderr", ".txt");
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new QuickstartException(program.launcher + " " + arguments[0] + " did not finish within "
                        + COMMAND_TIMEOUT_MINUTES + " minutes");
            }
            String errorText = Files.readString(errors);
            Files.deleteIfExists(errors);
            return new Result(process.exitValue(), output, errorText);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + program.launcher, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuickstartException("Interrupted while " + program.launcher + " " + arguments[0] + " ran");
        }
    }

    /** Starts a long-running command in the background, its output going to {@code log}. */
    Process startInBackground(Program program, Path log, String... arguments) {
        console.command(program.launcher, List.of(arguments));
        ProcessBuilder builder = builder(program, List.of(arguments));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + program.launcher, e);
        }
    }

    private ProcessBuilder builder(Program program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(program.mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("OCTOPUS_INSTANCES_DIR", layout.instancesDirectory().toString());
        environment.remove("TENTACLE_DEBUG");
        return builder;
    }
}
