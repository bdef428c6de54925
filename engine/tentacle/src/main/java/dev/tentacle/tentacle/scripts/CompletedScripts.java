package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessState;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What remains of a script after {@code completeScript} deleted its workspace: its exit code and the log page the
 * complete call returned, in {@code WORK_DIRECTORY/.completed/TICKET.json}. A retried complete (or a very late retried
 * start) therefore answers as the first call did instead of reporting an unknown ticket or running the script again.
 * Entries older than the retention are removed when the engine starts and whenever a script completes.
 */
final class CompletedScripts {
    private static final Logger LOG = LoggerFactory.getLogger(CompletedScripts.class);

    record CompletedScript(String ticket, int exitCode, Instant completed, List<ProcessOutput> logs) {
    }

    private final Path directory;
    private final Duration retention;

    CompletedScripts(Path directory, Duration retention) {
        this.directory = directory;
        this.retention = retention;
    }

    void record(ScriptStatusResponse finalStatus) throws IOException {
        Files.createDirectories(directory);
        ScriptJson.writeAtomically(file(finalStatus.ticket()),
                new CompletedScript(finalStatus.ticket().value(), finalStatus.exitCode(), Instant.now(), finalStatus.logs()));
    }

    boolean contains(ScriptTicket ticket) {
        return Files.exists(file(ticket));
    }

    Optional<ScriptStatusResponse> find(ScriptTicket ticket, long lastLogSequence) {
        Path file = file(ticket);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            CompletedScript completed = ScriptJson.read(file, CompletedScript.class);
            List<ProcessOutput> page = completed.logs() == null ? List.of()
                    : completed.logs().stream().filter(line -> line.sequence() > lastLogSequence).toList();
            long next = page.isEmpty() ? lastLogSequence : page.getLast().sequence();
            return Optional.of(new ScriptStatusResponse(ticket, ProcessState.COMPLETE, completed.exitCode(), page, next));
        } catch (IOException e) {
            LOG.warn("Could not read the record of completed script {} in {}: {}", ticket, file, e.getMessage());
            return Optional.empty();
        }
    }

    void prune() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        FileTime oldest = FileTime.from(Instant.now().minus(retention));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry).compareTo(oldest) < 0) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not remove old records of completed scripts from {}: {}", directory, e.getMessage());
        }
    }

    private Path file(ScriptTicket ticket) {
        return directory.resolve(ticket.value() + ".json");
    }
}
