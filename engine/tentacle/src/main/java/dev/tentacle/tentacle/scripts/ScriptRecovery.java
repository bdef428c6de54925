package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the engine's runs from the workspaces a previous agent process left behind, so that a restarted agent
 * still answers for every ticket:
 * <ul>
 *   <li>COMPLETE: answered as recorded.</li>
 *   <li>STARTING (the agent stopped while the script waited for its mutex): it never ran; reported COMPLETE with
 *       {@link ScriptExitCodes#UNKNOWN_RESULT} and a log line saying so. It is not started now, long after it was
 *       asked for.</li>
 *   <li>RUNNING and the recorded process still runs (same id and same start time): reported RUNNING, and watched
 *       until it ends ({@link OrphanWatch}); then COMPLETE with {@link ScriptExitCodes#UNKNOWN_RESULT}, since only a
 *       parent can read an exit code.</li>
 *   <li>RUNNING and the process is gone: COMPLETE with {@link ScriptExitCodes#UNKNOWN_RESULT} and a log line saying
 *       that the agent restarted while the script ran.</li>
 * </ul>
 * A workspace without {@code state.json} is a start that never finished being accepted; it is removed, so a retried
 * start runs the script. A workspace whose ticket was already completed is removed.
 */
final class ScriptRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRecovery.class);

    private ScriptRecovery() {
    }

    static Map<ScriptTicket, ScriptRun> recover(Path workDirectory, CompletedScripts completed, ScriptEngineOptions options) throws IOException {
        Map<ScriptTicket, ScriptRun> runs = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDirectory, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!ScriptTicket.isValid(name)) {
                    continue;
                }
                ScriptWorkspace workspace = new ScriptWorkspace(workDirectory, new ScriptTicket(name));
                if (completed.contains(workspace.ticket()) || !Files.exists(workspace.stateFile())) {
                    workspace.delete();
                    continue;
                }
                runs.put(workspace.ticket(), recover(workspace, options));
            }
        }
        return runs;
    }

    private static ScriptRun recover(ScriptWorkspace workspace, ScriptEngineOptions options) throws IOException {
        ScriptState state;
        try {
            state = workspace.readState();
        } catch (IOException e) {
            LOG.warn("The state of script {} in {} could not be read: {}", workspace.ticket(), workspace.stateFile(), e.getMessage());
            ScriptRun run = ScriptRun.recovered(workspace, ScriptState.starting(workspace.ticket(), Instant.now()));
            run.debug("The agent restarted and could not read this script's recorded state (" + e.getMessage() + "); its result is unknown.");
            run.complete(ScriptExitCodes.UNKNOWN_RESULT);
            return run;
        }
        ScriptRun run = ScriptRun.recovered(workspace, state);
        switch (state.state()) {
            case COMPLETE -> {
            }
            case STARTING -> {
                run.debug("The agent restarted before this script started, so it did not run. Start it again with a new ticket if it "
                        + "is still needed.");
                run.complete(ScriptExitCodes.UNKNOWN_RESULT);
            }
            case RUNNING -> {
                Optional<ProcessHandle> process = state.pid() == null ? Optional.empty()
                        : ProcessTrees.find(state.pid(), state.processStart());
                if (process.isPresent()) {
                    run.debug("The agent restarted while this script ran. The script is still running (process " + state.pid()
                            + "); its further output cannot be collected and its exit code will be unknown.");
                    OrphanWatch.start(run, process.get(), options);
                } else {
                    run.debug("The agent restarted while this script ran, and the script is no longer running. Its exit code is unknown; "
                            + "check the script's own output or side effects to see whether it succeeded.");
                    run.complete(ScriptExitCodes.UNKNOWN_RESULT);
                }
            }
        }
        return run;
    }
}
