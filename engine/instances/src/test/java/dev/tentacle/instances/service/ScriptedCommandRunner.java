package dev.tentacle.instances.service;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records commands instead of running them, and answers from a script: answers for "sc.exe query" are given in
 * order, the last one repeating; a command with no scripted answer succeeds with no output.
 */
final class ScriptedCommandRunner implements CommandRunner {
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();

    private record Answer(int exitCode, String stdout) {
    }

    /** Queues an answer for commands whose program and first argument are {@code programAndVerb}. */
    ScriptedCommandRunner answer(String programAndVerb, int exitCode, String stdout) {
        answers.computeIfAbsent(programAndVerb, key -> new ArrayDeque<>()).add(new Answer(exitCode, stdout));
        return this;
    }

    /** Queues an {@code sc.exe query} answer with the given state, e.g. {@code 4  RUNNING}. */
    ScriptedCommandRunner queryState(String serviceName, String state) {
        return answer("sc.exe query", 0, """

                SERVICE_NAME: %s
                        TYPE               : 10  WIN32_OWN_PROCESS
                        STATE              : %s
                                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)
                        WIN32_EXIT_CODE    : 0  (0x0)
                        SERVICE_EXIT_CODE  : 0  (0x0)
                        CHECKPOINT         : 0x0
                        WAIT_HINT          : 0x0
                """.formatted(serviceName, state));
    }

    ScriptedCommandRunner queryNotInstalled() {
        return answer("sc.exe query", 1060, """
                [SC] EnumQueryServicesStatus:OpenService FAILED 1060:

                The specified service does not exist as an installed service.
                """);
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        String key = command.program() + (command.arguments().isEmpty() ? "" : " " + command.arguments().getFirst());
        Deque<Answer> queue = answers.get(key);
        Answer answer = queue == null ? new Answer(0, "")
                : queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        return new CommandResult(command, answer.exitCode(), answer.stdout(), "");
    }

    @Override
    public Optional<Path> locate(String program) {
        return Optional.of(Path.of("/fake/System32").resolve(program));
    }

    List<Command> commands() {
        return commands;
    }

    /** The commands as {@link Command#display()} shows them. */
    List<String> displayed() {
        return commands.stream().map(Command::display).toList();
    }
}
