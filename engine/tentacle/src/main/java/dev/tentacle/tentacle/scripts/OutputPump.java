package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ProcessOutputSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Copies one output stream of a script's process into its log, a line at a time. Bytes are read as UTF-8 (invalid
 * bytes become U+FFFD), line ends are LF or CRLF, and a line longer than {@link OutputLog#LONGEST_LINE} characters
 * is split, so that a script that prints without line breaks cannot exhaust memory.
 */
final class OutputPump {
    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    static OutputPump start(InputStream in, ProcessOutputSource source, ScriptRun run) {
        return new OutputPump(Thread.ofVirtual().name("script-" + run.ticket() + "-" + source.name().toLowerCase(java.util.Locale.ROOT))
                .start(() -> pump(in, source, run)));
    }

    /** True when the stream ended within the time. */
    boolean awaitEnd(Duration timeout) {
        try {
            return thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pump(InputStream in, ProcessOutputSource source, ScriptRun run) {
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) != -1) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, source, run);
                    } else {
                        line.append(c);
                        if (line.length() >= OutputLog.LONGEST_LINE) {
                            emit(line, source, run);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The stream was closed under us (the process was killed): keep what was read.
        }
        if (!line.isEmpty()) {
            emit(line, source, run);
        }
    }

    private static void emit(StringBuilder line, ProcessOutputSource source, ScriptRun run) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        run.output(source, line.toString());
        line.setLength(0);
    }
}
