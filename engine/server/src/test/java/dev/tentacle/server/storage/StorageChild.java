package dev.tentacle.server.storage;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.TaskId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The main class of a separate JVM that a test kills, as a crash or power cut would: it prints a marker line when it
 * reaches the point the test wants to kill it at, then blocks.
 */
public final class StorageChild {

    static final String COMMITTED_MACHINE = "committed-before-crash";
    static final String HALF_WRITTEN_MACHINE = "half-written";

    private StorageChild() {
    }

    /**
     * Arguments: mode ({@code crash-mid-transaction}, {@code hold-open}, or {@code share}: hold it open and list the
     * machines when asked), JDBC URL, user, password.
     */
    public static void main(String[] args) throws InterruptedException {
        StorageConfiguration configuration = StorageConfiguration.parse(args[1], args[2], args[3]);
        Storage storage = Storage.open(configuration);
        switch (args[0]) {
            case "hold-open" -> {
                announce("OPEN");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "share" -> {
                storage.machines().add(machine(COMMITTED_MACHINE, 1));
                announce("OPEN");
                answerUntilKilled(storage);
            }
            case "crash-mid-transaction" -> {
                storage.machines().add(machine(COMMITTED_MACHINE, 1));
                storage.runInTransaction(tx -> {
                    Machine halfWritten = tx.machines().add(machine(HALF_WRITTEN_MACHINE, 2).withRoles("web", "api"));
                    TaskId task = tx.tasks().create(NewTask.script("Half written", "crash test", "{}",
                            List.of(halfWritten.id()))).id();
                    tx.taskLogs().append(task, IntStream.range(0, 2_000)
                            .mapToObj(i -> NewTaskLogLine.server(Instant.now(), "line " + i + " " + "x".repeat(200)))
                            .toList());
                    tx.apiKeys().create("half written");
                    announce("WRITTEN");
                    sleepUntilKilled();
                });
            }
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        }
    }

    /** Answers "LIST" on standard input with "MACHINES name,name,..." on standard output. */
    private static void answerUntilKilled(Storage storage) {
        var input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = input.readLine()) != null) {
                if (line.equals("LIST")) {
                    announce("MACHINES " + storage.machines().list(MachineFilter.all()).stream().map(Machine::name)
                            .collect(Collectors.joining(",")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sleepUntilKilled();
    }

    private static NewMachine machine(String name, int n) {
        return NewMachine.listening(name, URI.create("https://" + name + ".example:10933/"),
                new Thumbprint("%064X".formatted(n)));
    }

    private static void announce(String marker) {
        System.out.println(marker);
        System.out.flush();
    }

    private static void sleepUntilKilled() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before the test killed this process", e);
        }
    }
}
