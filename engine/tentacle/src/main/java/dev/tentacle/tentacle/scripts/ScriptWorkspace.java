package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A script run's directory, {@code WORK_DIRECTORY/TICKET/}: the script file and the files sent with it (the script's
 * working directory), {@code state.json} and {@code output.log}.
 */
final class ScriptWorkspace {
    static final String STATE_FILE = "state.json";
    static final String OUTPUT_LOG = "output.log";

    private final ScriptTicket ticket;
    private final Path directory;

    ScriptWorkspace(Path workDirectory, ScriptTicket ticket) {
        this.ticket = ticket;
        this.directory = workDirectory.resolve(ticket.value());
    }

    /**
     * Creates the directory and writes the script and its files; on failure removes what it wrote.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the directory exists (a ticket differing only in case)
     */
    static ScriptWorkspace create(Path workDirectory, ScriptTicket ticket, StartScriptCommand command) throws IOException {
        ScriptWorkspace workspace = new ScriptWorkspace(workDirectory, ticket);
        Files.createDirectory(workspace.directory);
        try {
            Files.write(workspace.scriptFile(command.syntax()), ShellCommands.scriptBytes(command.syntax(), command.scriptBody()));
            for (ScriptFile file : command.files()) {
                try (InputStream in = file.contents().open()) {
                    Files.copy(in, workspace.directory.resolve(file.name()));
                }
            }
            return workspace;
        } catch (IOException | RuntimeException e) {
            try {
                workspace.delete();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    ScriptTicket ticket() {
        return ticket;
    }

    Path directory() {
        return directory;
    }

    Path scriptFile(ScriptSyntax syntax) {
        return directory.resolve(syntax.scriptFileName());
    }

    Path stateFile() {
        return directory.resolve(STATE_FILE);
    }

    Path outputLog() {
        return directory.resolve(OUTPUT_LOG);
    }

    ScriptState readState() throws IOException {
        return ScriptJson.read(stateFile(), ScriptState.class);
    }

    void writeState(ScriptState state) throws IOException {
        ScriptJson.writeAtomically(stateFile(), state);
    }

    void delete() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
