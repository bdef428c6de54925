package dev.tentacle.desktop.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.fx.UiThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogViewModelTest {
    @TempDir
    Path temp;

    Path file;
    LogViewModel log;

    @BeforeEach
    void setUp() {
        file = temp.resolve("Logs/OctopusTentacle.txt");
        log = new LogViewModel("Web01", file, Runnable::run, UiThread.direct());
    }

    void append(String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aMissingFileIsAwaited() throws IOException {
        log.poll();
        assertThat(log.statusProperty().get()).contains("does not exist yet", "Waiting");

        append("Tentacle Web01 listening on port 10933\n");
        log.poll();

        assertThat(log.lines()).containsExactly("Tentacle Web01 listening on port 10933");
        assertThat(log.statusProperty().get()).isEqualTo("Following " + file + " (1 line)");
        assertThat(log.title()).isEqualTo("Log of Web01");
    }

    @Test
    void followsAppendedLinesHoldingBackAnUnfinishedOne() throws IOException {
        append("one\ntw");
        log.poll();
        assertThat(log.lines()).containsExactly("one");

        append("o\r\nthree\n");
        log.poll();
        assertThat(log.lines()).containsExactly("one", "two", "three");

        log.poll();
        assertThat(log.lines()).hasSize(3);
    }

    @Test
    void aTruncatedFileIsReadFromItsStart() throws IOException {
        append("old line one\nold line two\n");
        log.poll();

        Files.writeString(file, "new\n");
        log.poll();

        assertThat(log.lines()).containsExactly("old line one", "old line two", LogViewModel.RESTARTED, "new");
    }

    @Test
    void theFirstReadStartsNearTheEndAtALineStart() throws IOException {
        String line = "x".repeat(99) + "\n";
        append(line.repeat(LogFollower.FIRST_READ_BYTES / line.length() + 50) + "last\n");

        log.poll();

        assertThat(log.lines()).last().isEqualTo("last");
        assertThat(log.lines()).allMatch(l -> l.equals("last") || l.length() == 99);
        assertThat(log.lines().size()).isLessThanOrEqualTo(LogFollower.FIRST_READ_BYTES / line.length() + 1);
    }

    @Test
    void searchHighlightsAndFilters() throws IOException {
        append("Started\nERROR: port 10933 in use\nretrying\nerror again\n");
        log.poll();

        log.searchProperty().set("error");
        assertThat(log.matchCountProperty().get()).isEqualTo(2);
        assertThat(log.matches("ERROR: port 10933 in use")).isTrue();
        assertThat(log.matchStart("an Error and an error", 0)).isEqualTo(3);
        assertThat(log.matchStart("an Error and an error", 4)).isEqualTo(16);
        assertThat(log.visibleLines()).hasSize(4);
        assertThat(log.nextMatch(-1)).isEqualTo(1);
        assertThat(log.nextMatch(1)).isEqualTo(3);
        assertThat(log.nextMatch(3)).isEqualTo(1);

        log.onlyMatchingProperty().set(true);
        assertThat(log.visibleLines()).containsExactly("ERROR: port 10933 in use", "error again");

        append("another error\n");
        log.poll();
        assertThat(log.visibleLines()).containsExactly("ERROR: port 10933 in use", "error again", "another error");
        assertThat(log.matchCountProperty().get()).isEqualTo(3);

        log.searchProperty().set("");
        assertThat(log.visibleLines()).hasSize(5);
        assertThat(log.matchCountProperty().get()).isZero();
        assertThat(log.nextMatch(0)).isEqualTo(-1);
    }

    @Test
    void keepsTheNewestLinesOnly() throws IOException {
        append("line\n".repeat(LogViewModel.MAX_LINES + 10));

        log.poll();

        assertThat(log.lines()).hasSize(LogViewModel.MAX_LINES);
    }

    @Test
    void anUnreadableFileIsShownNotThrown() throws IOException {
        Files.createDirectories(file);

        log.poll();

        assertThat(log.statusProperty().get()).startsWith("Cannot read " + file);
    }
}
