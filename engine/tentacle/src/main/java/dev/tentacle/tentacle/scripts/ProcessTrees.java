package dev.tentacle.tentacle.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Stopping a script's whole process tree, and telling whether a process still runs. */
final class ProcessTrees {
    private static final long POLL_MILLIS = 50;

    private ProcessTrees() {
    }

    /**
     * Asks the process and every descendant to stop (SIGTERM on Unix), waits up to the grace period, then kills what
     * is left, including descendants started meanwhile. The tree is listed before anything is signalled, because a
     * child whose parent dies is re-parented and no longer found as a descendant.
     */
    static void kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, grace);
        Set<ProcessHandle> left = new LinkedHashSet<>();
        for (ProcessHandle process : tree) {
            if (isRunning(process)) {
                left.add(process);
                process.descendants().forEach(left::add);
            }
        }
        left.forEach(ProcessHandle::destroyForcibly);
        awaitExit(new ArrayList<>(left), grace);
    }

    /**
     * True while the process runs. A zombie (exited, not yet reaped by its parent) counts as stopped: Java reports it
     * alive, and where PID 1 does not reap orphans (some containers) it stays a zombie for good.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!Files.isReadable(stat)) {
            return true;
        }
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            char state = end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // /proc entry vanished: the process is gone
        }
    }

    /** The process with this id, if it runs and started at the recorded time (so not a later process reusing the id). */
    static Optional<ProcessHandle> find(long pid, Instant recordedStart) {
        if (recordedStart == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(process -> process.info().startInstant().map(recordedStart::equals).orElse(false))
                .filter(ProcessTrees::isRunning);
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (processes.stream().anyMatch(ProcessTrees::isRunning) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
