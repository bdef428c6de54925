package dev.tentacle.comms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A payload of any size that travels beside an RPC message as a stream of chunks, never whole in memory.
 * A service method may take DataStream arguments and may return one. On the receiving side the stream can be
 * opened exactly once; read it before the call returns (arguments) or soon after (results), because the
 * sender is held back until the reader consumes data.
 */
public final class DataStream {
    /** Length to use when the size is not known in advance. */
    public static final long UNKNOWN_LENGTH = -1;

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final long length;
    private final Source source;

    private DataStream(long length, Source source) {
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("length must be -1 (unknown) or at least 0, was " + length);
        }
        this.length = length;
        this.source = Objects.requireNonNull(source, "source");
    }

    public static DataStream of(long length, Source source) {
        return new DataStream(length, source);
    }

    public static DataStream ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new DataStream(copy.length, () -> new ByteArrayInputStream(copy));
    }

    public static DataStream ofFile(Path file) {
        try {
            return new DataStream(Files.size(file), () -> Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The number of bytes, or {@link #UNKNOWN_LENGTH}. */
    public long length() {
        return length;
    }

    public InputStream open() throws IOException {
        return source.open();
    }

    /** Reads everything into memory; for small payloads and tests only. */
    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
