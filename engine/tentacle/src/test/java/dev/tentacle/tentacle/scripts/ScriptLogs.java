package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Reads a script's log page by page, as a caller does, and remembers every line and the last status. */
final class ScriptLogs {
    private final LongFunction<ScriptStatusResponse> fetch;
    private final List<ProcessOutput> lines = new ArrayList<>();
    private final List<Integer> pageSizes = new ArrayList<>();
    private ScriptStatusResponse latest;
    private long lastSequence;

    /** @param fetch a status call for the given lastLogSequence */
    ScriptLogs(LongFunction<ScriptStatusResponse> fetch) {
        this.fetch = fetch;
    }

    /** One status call; collects its page. */
    synchronized ScriptStatusResponse poll() {
        latest = fetch.apply(lastSequence);
        lines.addAll(latest.logs());
        if (!latest.logs().isEmpty()) {
            pageSizes.add(latest.logs().size());
        }
        lastSequence = latest.nextLogSequence();
        return latest;
    }

    /** Polls until the script is complete and its log read to the end; returns the final status. */
    ScriptStatusResponse awaitEnd() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    ScriptStatusResponse status = poll();
                    return status.state() == ProcessState.COMPLETE && status.logs().isEmpty();
                });
        return latest;
    }

    /** Polls until some line contains the text. */
    void awaitLine(String text) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    poll();
                    return texts().stream().anyMatch(line -> line.contains(text));
                });
    }

    synchronized ScriptStatusResponse latest() {
        return latest;
    }

    synchronized List<ProcessOutput> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> texts() {
        return lines.stream().map(ProcessOutput::text).toList();
    }

    synchronized List<String> texts(ProcessOutputSource source) {
        return lines.stream().filter(line -> line.source() == source).map(ProcessOutput::text).toList();
    }

    synchronized List<Integer> pageSizes() {
        return List.copyOf(pageSizes);
    }
}
