package dev.tentacle.manager.wizard;

import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandResult;
import dev.tentacle.instances.service.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs nothing: records each command, answers with a scripted exit code (0 unless told), and "finds" only the
 * programs it is told are installed. For the firewall, which tests must never change.
 */
final class RecordingCommandRunner implements CommandRunner {
    private final List<String> calls = new ArrayList<>();
    private final Set<String> installed = new HashSet<>();
    private final Map<String, Integer> exitCodes = new HashMap<>();

    RecordingCommandRunner install(String program) {
        installed.add(program);
        return this;
    }

    /** Commands whose display starts with this prefix exit with the code. */
    RecordingCommandRunner fail(String prefix, int exitCode) {
        exitCodes.put(prefix, exitCode);
        return this;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized CommandResult run(Command command) {
        calls.add(command.display());
        int code = exitCodes.entrySet().stream().filter(e -> command.display().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(0);
        return new CommandResult(command, code, "", code == 0 ? "" : "ERROR: You need to be root to run this script");
    }

    @Override
    public Optional<Path> locate(String program) {
        return installed.contains(program) ? Optional.of(Path.of("/usr/sbin").resolve(program)) : Optional.empty();
    }
}
