package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLogTest {
    private static final Instant WHEN = Instant.parse("2025-01-02T03:04:05.678Z");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "after sequence {0}")
    @ValueSource(longs = {0, 1, 63, 64, 65, 127, 128, 199})
    void readsThePageAfterAnySequence(long lastSequence) throws IOException {
        try (OutputLog log = OutputLog.open(directory.resolve("output.log"))) {
            LongStream.rangeClosed(1, 200).forEach(i -> log.append(ProcessOutputSource.STDOUT, "line " + i, WHEN));

            List<ProcessOutput> page = log.readAfter(lastSequence, 10);

            long expectedSize = Math.min(10, 200 - lastSequence);
            assertThat(page).hasSize((int) expectedSize);
            assertThat(page).extracting(ProcessOutput::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(lastSequence + 1, lastSequence + expectedSize).boxed().toList());
            assertThat(page).allSatisfy(line -> assertThat(line.text()).isEqualTo("line " + line.sequence()));
        }
    }

    @Test
    void keepsSourceTimeAndTextExactly() throws IOException {
        try (OutputLog log = OutputLog.open(directory.resolve("output.log"))) {
            log.append(ProcessOutputSource.STDERR, "tab\there \"quoted\" ünïcödé \\ backslash", WHEN);

            assertThat(log.readAfter(0, 10)).containsExactly(
                    new ProcessOutput(ProcessOutputSource.STDERR, "tab\there \"quoted\" ünïcödé \\ backslash", WHEN, 1));
        }
    }

    @Test
    void aPageStopsWhenItsTextPassesTheCharacterBudget() throws IOException {
        String big = "x".repeat(OutputLog.LONGEST_LINE);
        try (OutputLog log = OutputLog.open(directory.resolve("output.log"))) {
            for (int i = 0; i < 100; i++) {
                log.append(ProcessOutputSource.STDOUT, big, WHEN);
            }

            List<ProcessOutput> page = log.readAfter(0, 1000);

            int budgetLines = (OutputLog.PAGE_CHARACTERS + OutputLog.LONGEST_LINE - 1) / OutputLog.LONGEST_LINE;
            assertThat(page).hasSize(budgetLines);
            assertThat(log.readAfter(page.getLast().sequence(), 1000)).hasSize(100 - budgetLines);
        }
    }

    @Test
    void reopeningCutsOffATornLastLineAndContinuesTheSequence() throws IOException {
        Path file = directory.resolve("output.log");
        try (OutputLog log = OutputLog.open(file)) {
            log.append(ProcessOutputSource.STDOUT, "whole", WHEN);
        }
        Files.write(file, "{\"source\":\"STDOUT\",\"te".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (OutputLog log = OutputLog.open(file)) {
            log.append(ProcessOutputSource.DEBUG, "after the restart", WHEN);

            assertThat(log.readAfter(0, 10)).extracting(ProcessOutput::text, ProcessOutput::sequence)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("whole", 1L), org.assertj.core.groups.Tuple.tuple("after the restart", 2L));
        }
    }

    @Test
    void aClosedLogIgnoresLateLinesButStillReads() throws IOException {
        OutputLog log = OutputLog.open(directory.resolve("output.log"));
        log.append(ProcessOutputSource.STDOUT, "kept", WHEN);
        log.close();

        assertThat(log.append(ProcessOutputSource.STDOUT, "late", WHEN)).isNull();
        assertThat(log.readAfter(0, 10)).extracting(ProcessOutput::text).containsExactly("kept");
        assertThat(log.readAfter(1, 10)).isEmpty();
    }
}
