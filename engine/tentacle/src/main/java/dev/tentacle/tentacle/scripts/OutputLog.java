package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A script's log on disk, {@code output.log}: one JSON {@link ProcessOutput} per line (JSONL), appended as lines
 * arrive, sequence numbers 1, 2, 3... A sparse index of line offsets (every {@value #STRIDE}th line) lets a page be
 * read without scanning the file from its start. Readers only see whole lines that were written before they asked.
 *
 * <p>Streams, not channels: a {@code FileChannel} closes itself when the thread using it is interrupted.
 */
final class OutputLog implements AutoCloseable {
    /** Longest line text kept in one entry; longer lines are split. */
    static final int LONGEST_LINE = 16 * 1024;
    /** A page stops once its text passes this many characters, so that it stays well inside one frame. */
    static final int PAGE_CHARACTERS = 1_000_000;
    private static final int STRIDE = 64;

    private final Path file;
    private long[] index = new long[16];
    private long lines;
    private long size;
    private OutputStream writer;

    private OutputLog(Path file) {
        this.file = file;
    }

    /** Opens the log for appending, creating it or, after a restart, indexing what is there (a torn last line is cut off). */
    static OutputLog open(Path file) throws IOException {
        OutputLog log = new OutputLog(file);
        if (Files.exists(file)) {
            log.indexExisting();
        }
        log.writer = new FileOutputStream(file.toFile(), true);
        return log;
    }

    /** Appends a line; returns null once the log was closed for writing (late output after the run completed). */
    synchronized ProcessOutput append(ProcessOutputSource source, String text, Instant occurred) {
        if (writer == null) {
            return null;
        }
        ProcessOutput line = new ProcessOutput(source, text, occurred, lines + 1);
        try {
            byte[] json = ScriptJson.MAPPER.writeValueAsBytes(line);
            byte[] record = Arrays.copyOf(json, json.length + 1);
            record[json.length] = '\n';
            writer.write(record);
            lineWritten(record.length);
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the script log " + file + ": " + e.getMessage()
                    + ". Check free disk space in the agent's work directory.", e);
        }
    }

    /** Up to {@code maxLines} lines after sequence {@code lastSequence}, fewer if their text passes {@link #PAGE_CHARACTERS}. */
    List<ProcessOutput> readAfter(long lastSequence, int maxLines) {
        long startOffset;
        long firstLine;
        long endOffset;
        long endLine;
        synchronized (this) {
            if (lastSequence >= lines) {
                return List.of();
            }
            int entry = (int) (lastSequence / STRIDE);
            startOffset = index[entry];
            firstLine = (long) entry * STRIDE;
            endOffset = size;
            endLine = lines;
        }
        List<ProcessOutput> page = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024)) {
            in.skipNBytes(startOffset);
            long remaining = endOffset - startOffset;
            long characters = 0;
            for (long line = firstLine; line < endLine && page.size() < maxLines && characters < PAGE_CHARACTERS; line++) {
                byte[] record = readLine(in, remaining);
                remaining -= record.length + 1;
                if (line >= lastSequence) {
                    ProcessOutput output = ScriptJson.MAPPER.readValue(record, ProcessOutput.class);
                    page.add(output);
                    characters += output.text().length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the script log " + file + ": " + e.getMessage(), e);
        }
        return page;
    }

    synchronized long lineCount() {
        return lines;
    }

    /** Stops appending; reading still works. */
    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // Every line was written with its own unbuffered write; nothing is lost by a failed close.
            }
            writer = null;
        }
    }

    private void lineWritten(int length) {
        if (lines % STRIDE == 0) {
            int entry = (int) (lines / STRIDE);
            if (entry == index.length) {
                index = Arrays.copyOf(index, index.length * 2);
            }
            index[entry] = size;
        }
        lines++;
        size += length;
    }

    private void indexExisting() throws IOException {
        long lineStart = 0;
        long position = 0;
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024)) {
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    lineWritten((int) (position - lineStart));
                    lineStart = position;
                }
            }
        }
        if (position > size) {
            try (RandomAccessFile torn = new RandomAccessFile(file.toFile(), "rw")) {
                torn.setLength(size);
            }
        }
    }

    private static byte[] readLine(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long left = remaining;
        int b;
        while (left-- > 0 && (b = in.read()) != -1) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        throw new IOException("the log ended inside a line that was recorded as complete");
    }
}
