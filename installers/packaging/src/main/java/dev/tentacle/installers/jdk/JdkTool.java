package dev.tentacle.installers.jdk;

import dev.tentacle.installers.PackagingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.spi.ToolProvider;

/**
 * A JDK tool (jdeps, jlink, jpackage) run in this JVM through {@link ToolProvider}, from the JDK that runs the build,
 * which the Maven enforcer rule makes a JDK 25.
 */
public final class JdkTool {
    private final String name;
    private final ToolProvider provider;

    private JdkTool(String name, ToolProvider provider) {
        this.name = name;
        this.provider = provider;
    }

    /**
     * The named tool.
     *
     * @throws PackagingException when this JDK lacks it (a JRE, or a jlinked runtime without jdk.jpackage)
     */
    public static JdkTool named(String name) {
        return new JdkTool(name, ToolProvider.findFirst(name).orElseThrow(() -> new PackagingException(
                "The JDK running the build (" + System.getProperty("java.home") + ") has no " + name + " tool. Build"
                        + " with a full JDK 25, such as Eclipse Temurin 25, which ./mvnw finds by itself.")));
    }

    /** What a run printed, and its exit code. */
    public record Result(int exitCode, String output) {
    }

    /** Runs the tool and returns what it printed, standard output and error together, whatever its exit code. */
    public Result run(List<String> arguments) {
        Objects.requireNonNull(arguments, "arguments");
        var text = new StringWriter();
        var writer = new PrintWriter(text, true);
        int code = provider.run(writer, writer, arguments.toArray(String[]::new));
        writer.flush();
        return new Result(code, text.toString());
    }

    /**
     * Runs the tool and returns its output.
     *
     * @throws PackagingException with the command and the tool's output when it fails
     */
    public String runOrFail(List<String> arguments, String whatFor) {
        Result result = run(arguments);
        if (result.exitCode() != 0) {
            throw new PackagingException(name + " failed (exit code " + result.exitCode() + ") while " + whatFor
                    + ".\nCommand: " + name + " " + String.join(" ", arguments) + "\nOutput:\n" + result.output().strip());
        }
        return result.output();
    }
}
