package dev.tentacle.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataStreamTest {

    @Test
    void ofBytesKnowsItsLengthAndReadsItsBytes() throws IOException {
        DataStream stream = DataStream.ofBytes(new byte[] {1, 2, 3});

        assertThat(stream.length()).isEqualTo(3);
        assertThat(stream.readAllBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void ofBytesCopiesItsInputSoLaterChangesDoNotLeakIn() throws IOException {
        byte[] bytes = {1, 2, 3};
        DataStream stream = DataStream.ofBytes(bytes);

        bytes[0] = 99;

        assertThat(stream.readAllBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void ofBytesCanBeOpenedAgain() throws IOException {
        DataStream stream = DataStream.ofBytes(new byte[] {4, 5});

        assertThat(stream.readAllBytes()).containsExactly(4, 5);
        assertThat(stream.readAllBytes()).containsExactly(4, 5);
    }

    @Test
    void anEmptyPayloadHasLengthZero() throws IOException {
        DataStream stream = DataStream.ofBytes(new byte[0]);

        assertThat(stream.length()).isZero();
        assertThat(stream.readAllBytes()).isEmpty();
    }

    @Test
    void ofFileTakesTheFilesLengthAndReadsItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("package.zip");
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(file, content);

        DataStream stream = DataStream.ofFile(file);

        assertThat(stream.length()).isEqualTo(10_000);
        assertThat(stream.readAllBytes()).isEqualTo(content);
    }

    @Test
    void ofFileReadsTheFileWhenOpenedNotWhenCreated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.txt");
        Files.writeString(file, "abc");
        DataStream stream = DataStream.ofFile(file);

        Files.writeString(file, "xyz");

        assertThat(stream.length()).isEqualTo(3);
        assertThat(stream.readAllBytes()).containsExactly('x', 'y', 'z');
    }

    @Test
    void ofFileOfAMissingFileFailsNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.bin");

        assertThatThrownBy(() -> DataStream.ofFile(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot read " + missing);
    }

    @Test
    void ofTakesADeclaredLengthAndOpensTheSourceEachTime() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        DataStream stream = DataStream.of(2, () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(new byte[] {7, 8});
        });

        assertThat(stream.length()).isEqualTo(2);
        assertThat(opens).hasValue(0);
        try (InputStream in = stream.open()) {
            assertThat(in.readAllBytes()).containsExactly(7, 8);
        }
        assertThat(stream.readAllBytes()).containsExactly(7, 8);
        assertThat(opens).hasValue(2);
    }

    @Test
    void anUnknownLengthIsAllowed() {
        DataStream stream = DataStream.of(DataStream.UNKNOWN_LENGTH, () -> InputStream.nullInputStream());

        assertThat(stream.length()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(longs = {-2, -100, Long.MIN_VALUE})
    void rejectsANegativeLengthOtherThanUnknown(long length) {
        assertThatThrownBy(() -> DataStream.of(length, InputStream::nullInputStream))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length must be -1 (unknown) or at least 0, was " + length);
    }

    @Test
    void requiresASource() {
        assertThatThrownBy(() -> DataStream.of(0, null)).isInstanceOf(NullPointerException.class).hasMessage("source");
    }

    @Test
    void readAllBytesClosesTheSource() throws IOException {
        AtomicInteger closes = new AtomicInteger();
        DataStream stream = DataStream.of(1, () -> new ByteArrayInputStream(new byte[] {1}) {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        });

        stream.readAllBytes();

        assertThat(closes).hasValue(1);
    }

    @Test
    void readAllBytesPassesOnTheSourcesFailure() {
        DataStream stream = DataStream.of(1, () -> {
            throw new IOException("disk unplugged");
        });

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class).hasMessage("disk unplugged");
    }
}
