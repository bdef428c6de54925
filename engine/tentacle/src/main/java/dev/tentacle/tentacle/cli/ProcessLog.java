package dev.tentacle.tentacle.cli;

import dev.tentacle.tentacle.instance.AgentLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Copies what this process prints on standard output and standard error (the agent's log lines included: the logger
 * writes to standard error) into the instance's log file while {@code run} runs, each line prefixed with the local
 * time. {@link #installForThisProcess()} is called by {@link TentacleCli#main} only: commands run inside tests print
 * to their own writers and never touch the JVM's streams.
 */
final class ProcessLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static volatile ProcessLog installed;

    private final Object lock = new Object();
    /** The open log file; null while no agent runs, which is the case for every command but run. */
    private volatile OutputStream file;

    ProcessLog() {
    }

    /** Wraps {@code System.out} and {@code System.err} so that {@link #attach} can copy them into a file. */
    static synchronized void installForThisProcess() {
        if (installed != null) {
            return;
        }
        ProcessLog log = new ProcessLog();
        System.setOut(new PrintStream(log.tee(System.out), true, System.out.charset()));
        System.setErr(new PrintStream(log.tee(System.err), true, System.err.charset()));
        installed = log;
    }

    /**
     * Starts copying into {@code logFile}, moving a file larger than {@link AgentLogs#ROTATE_AT_BYTES} aside first.
     * Does nothing when {@link #installForThisProcess()} was not called. A file that cannot be opened is reported on
     * {@code warnings} and the agent runs without it.
     *
     * @return stops copying and closes the file when closed
     */
    static Attachment attach(Path logFile, PrintWriter warnings) {
        ProcessLog log = installed;
        if (log == null) {
            return Attachment.NONE;
        }
        return log.open(logFile, warnings);
    }

    /** Copies the lines written to streams made by {@link #tee} into {@code logFile} until closed. */
    Attachment open(Path logFile, PrintWriter warnings) {
        OutputStream opened;
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.isRegularFile(logFile) && Files.size(logFile) > AgentLogs.ROTATE_AT_BYTES) {
                Files.move(logFile, AgentLogs.previousFile(logFile), StandardCopyOption.REPLACE_EXISTING);
            }
            opened = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            warnings.println("Warning: cannot write the log file " + logFile + " (" + e + "); the agent logs only to"
                    + " standard error. Check that the user running the agent may write to " + logFile.getParent()
                    + ".");
            warnings.flush();
            return Attachment.NONE;
        }
        synchronized (lock) {
            file = opened;
        }
        return () -> {
            synchronized (lock) {
                if (file == opened) {
                    file = null;
                }
            }
            try {
                opened.close();
            } catch (IOException e) {
                // Every line was flushed when written; nothing is lost.
            }
        };
    }

    /** Copying into one log file; {@link #close()} stops it. */
    @FunctionalInterface
    interface Attachment extends AutoCloseable {
        Attachment NONE = () -> { };

        @Override
        void close();
    }

    private void copyLine(byte[] line, int length) {
        synchronized (lock) {
            if (file == null) {
                return;
            }
            try {
                file.write((LocalDateTime.now().format(TIME) + " ").getBytes(StandardCharsets.UTF_8));
                file.write(line, 0, length);
                file.flush();
            } catch (IOException e) {
                // A full disk must not stop the agent; the line still went to the console.
            }
        }
    }

    /** A stream that writes to {@code console} and copies each whole line to the open log file, if any. */
    OutputStream tee(OutputStream console) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) throws IOException {
                console.write(b);
                if (file == null) {
                    line.reset();
                    return;
                }
                line.write(b);
                if (b == '\n') {
                    copyLine(line.toByteArray(), line.size());
                    line.reset();
                }
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
                console.write(bytes, offset, length);
                if (file == null) {
                    // Nothing to copy into: other commands' output (a large JSON document) is not held in memory.
                    line.reset();
                    return;
                }
                for (int i = offset; i < offset + length; i++) {
                    line.write(bytes[i]);
                    if (bytes[i] == '\n') {
                        copyLine(line.toByteArray(), line.size());
                        line.reset();
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                console.flush();
            }
        };
    }
}
