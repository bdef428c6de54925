package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.config.TentacleConfiguration;
import java.nio.file.Path;

/**
 * Where a Tentacle instance's agent writes its log: {@code <home>/Logs/OctopusTentacle.txt}, named as in Octopus
 * Tentacle. {@code tentacle run} appends what it prints there, each line with the time, so that the log of an agent
 * running as an OS service can be read (and followed by the Tentacle Manager) without the service system's journal.
 */
public final class AgentLogs {
    /** The logs directory inside the home directory. */
    public static final String DIRECTORY_NAME = "Logs";
    /** The log file's name. */
    public static final String FILE_NAME = "OctopusTentacle.txt";
    /** A log file larger than this when the agent starts is moved aside to {@code FILE_NAME.1}. */
    public static final long ROTATE_AT_BYTES = 10L * 1024 * 1024;

    private AgentLogs() {
    }

    public static Path directory(TentacleConfiguration configuration) {
        return configuration.homeDirectory().resolve(DIRECTORY_NAME);
    }

    public static Path file(TentacleConfiguration configuration) {
        return directory(configuration).resolve(FILE_NAME);
    }

    /** Where the previous log goes when the current one grew past {@link #ROTATE_AT_BYTES}. */
    public static Path previousFile(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName() + ".1");
    }
}
