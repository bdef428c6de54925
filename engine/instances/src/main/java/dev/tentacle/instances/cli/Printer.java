package dev.tentacle.instances.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Prints a command's result as text or as JSON. JSON goes to standard output as one document. */
public final class Printer {
    /**
     * Made on first use: text output, such as {@code tentacle version}, then never loads Jackson, whose set-up is a
     * large part of a short command's start (docs/performance.md).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .findAndAddModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    private final PrintWriter out;
    private final OutputFormat format;

    public Printer(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    /** Prints the value as JSON, or lets the text renderer print it. */
    public <T> void print(T value, Consumer<PrintWriter> text) {
        if (format == OutputFormat.JSON) {
            try {
                out.println(Json.MAPPER.writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            text.accept(out);
        }
        out.flush();
    }

    /** A short confirmation: a line of text, or {"result": "..."} in JSON. */
    public void done(String message) {
        print(java.util.Map.of("result", message), w -> w.println(message));
    }
}
