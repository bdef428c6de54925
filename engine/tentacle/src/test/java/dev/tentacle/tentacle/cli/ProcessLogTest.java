package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.tentacle.instance.AgentLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLogTest {
    @TempDir
    Path temp;

    final ProcessLog log = new ProcessLog();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final StringWriter warnings = new StringWriter();

    @Test
    void copiesWholeLinesWithTheTimeWhileAttached() throws IOException {
        OutputStream stream = log.tee(console);
        Path file = temp.resolve("Logs/OctopusTentacle.txt");
        stream.write("before\n".getBytes(StandardCharsets.UTF_8));

        try (var attachment = log.open(file, new PrintWriter(warnings))) {
            stream.write("Tentacle listening ".getBytes(StandardCharsets.UTF_8));
            stream.write("on port 10933\nsecond".getBytes(StandardCharsets.UTF_8));
            stream.write('\n');
        }
        stream.write("after\n".getBytes(StandardCharsets.UTF_8));

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("before\nTentacle listening on port 10933\nsecond\nafter\n");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} Tentacle listening on port 10933");
        assertThat(lines.get(1)).endsWith(" second");
        assertThat(warnings.toString()).isEmpty();
    }

    @Test
    void appendsToAnExistingLogAndMovesALargeOneAside() throws IOException {
        Path file = temp.resolve("OctopusTentacle.txt");
        Files.write(file, new byte[(int) AgentLogs.ROTATE_AT_BYTES + 1]);
        OutputStream stream = log.tee(console);

        try (var attachment = log.open(file, new PrintWriter(warnings))) {
            stream.write("fresh\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.size(AgentLogs.previousFile(file))).isEqualTo(AgentLogs.ROTATE_AT_BYTES + 1);
        assertThat(Files.readAllLines(file)).singleElement().asString().endsWith(" fresh");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
        Path blocker = Files.writeString(temp.resolve("Logs"), "a file where the directory belongs");
        OutputStream stream = log.tee(console);

        try (var attachment = log.open(blocker.resolve("OctopusTentacle.txt"), new PrintWriter(warnings))) {
            stream.write("still printed\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(warnings.toString()).contains("Warning: cannot write the log file", "logs only to standard error");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("still printed\n");
    }
}
