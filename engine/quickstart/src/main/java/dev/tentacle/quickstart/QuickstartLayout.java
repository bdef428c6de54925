package dev.tentacle.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a quickstart keeps everything, and the ports it chose; written to {@code quickstart.json} in its directory so
 * that {@code bin/quickstart stop|start|delete} find it again.
 *
 * @param directory the quickstart's directory: the instance registry, the three homes and the logs are under it
 * @param apiPort the server's HTTPS API port
 * @param commsPort the port polling Tentacles connect to
 * @param listeningPort the port the listening Tentacle listens on
 */
public record QuickstartLayout(Path directory, int apiPort, int commsPort, int listeningPort) {

    public static final String SERVER = "Quickstart-Server";
    public static final String LISTENING = "Quickstart-Listening";
    public static final String POLLING = "Quickstart-Polling";
    static final String FILE_NAME = "quickstart.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public QuickstartLayout {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
    }

    /** The instance registry of the quickstart's instances, so they stay apart from the machine's others. */
    public Path instancesDirectory() {
        return directory.resolve("instances");
    }

    public Path logsDirectory() {
        return directory.resolve("logs");
    }

    public Path home(String instance) {
        return directory.resolve(instance);
    }

    public Path log(String instance) {
        return logsDirectory().resolve(instance + ".log");
    }

    public Path pidFile(String instance) {
        return logsDirectory().resolve(instance + ".pid");
    }

    public String apiUrl() {
        return "https://localhost:" + apiPort + "/";
    }

    void save() {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(FILE_NAME).toFile(), new Saved(apiPort, commsPort, listeningPort));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(FILE_NAME), e);
        }
    }

    /**
     * Reads the layout a quickstart saved in {@code directory}.
     *
     * @throws QuickstartException when the directory holds no quickstart
     */
    static QuickstartLayout load(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new QuickstartException("There is no quickstart in " + directory.toAbsolutePath() + " (no " + FILE_NAME
                    + "). Give the directory the quickstart printed, with --dir.");
        }
        try {
            Saved saved = JSON.readValue(file.toFile(), Saved.class);
            return new QuickstartLayout(directory, saved.apiPort(), saved.commsPort(), saved.listeningPort());
        } catch (IOException e) {
            throw new QuickstartException("Cannot read " + file + ": " + e.getMessage() + ". Delete the directory and run "
                    + "the quickstart again.");
        }
    }

    record Saved(int apiPort, int commsPort, int listeningPort) {
    }
}
