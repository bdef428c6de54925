package dev.tentacle.desktop.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the lines a log file gains, like {@code tail -F}: the first read starts near the end (at most
 * {@link #FIRST_READ_BYTES} back), later reads return what was appended since, a line still being written is held
 * back until its end arrives, and a file that shrinks or is replaced (rotated) is read again from its start. Not
 * thread-safe: one caller polls.
 */
final class LogFollower {
    /** How far back the first read starts. */
    static final int FIRST_READ_BYTES = 1 << 20;
    /** The most one poll reads, so that a huge burst is taken in several polls. */
    static final int MAX_READ_BYTES = 4 << 20;

    private final Path file;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long position = -1;
    private Object fileKey;

    /** What one poll found. */
    record Update(List<String> lines, boolean restarted, boolean missing) {
    }

    LogFollower(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    Path file() {
        return file;
    }

    /**
     * The complete lines added since the last poll.
     *
     * @throws IOException when the file exists but cannot be read
     */
    Update poll() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            boolean wasThere = position >= 0;
            position = wasThere ? 0 : -1;
            partialLine.reset();
            return new Update(List.of(), false, true);
        }
        boolean restarted = false;
        if (position < 0) {
            position = Math.max(0, attributes.size() - FIRST_READ_BYTES);
            fileKey = attributes.fileKey();
            if (position > 0) {
                skipToNextLine(attributes.size());
            }
        } else if (attributes.size() < position || !Objects.equals(fileKey, attributes.fileKey())) {
            restarted = true;
            position = 0;
            fileKey = attributes.fileKey();
            partialLine.reset();
        }
        List<String> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = Math.min(channel.size(), position + MAX_READ_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, end - position));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // Keep reading until the buffer is full or the file ends.
            }
            buffer.flip();
            position += buffer.remaining();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    lines.add(line());
                } else {
                    partialLine.write(b);
                }
            }
        } catch (NoSuchFileException e) {
            return new Update(List.of(), restarted, true);
        }
        return new Update(List.copyOf(lines), restarted, false);
    }

    /** Skips the rest of the line the first read starts in, which would otherwise appear cut. */
    private void skipToNextLine(long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            // The byte before the start: if it ends a line, the start is a line's beginning.
            long at = position - 1;
            while (at < size) {
                one.clear();
                if (channel.read(one, at) <= 0) {
                    break;
                }
                at++;
                if (one.get(0) == '\n') {
                    break;
                }
            }
            position = at;
        }
    }

    private String line() {
        String text = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
