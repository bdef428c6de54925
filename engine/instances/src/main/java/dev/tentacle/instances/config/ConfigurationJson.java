package dev.tentacle.instances.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tentacle.comms.Thumbprint;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The JSON dialect of configuration files: strict where a hand edit could silently go wrong (duplicate keys,
 * trailing text, fractions where a whole number belongs, numbers written as text, a
 * number where true or false belongs), lenient where a newer file should still load (unknown fields are ignored, enum names are
 * case-insensitive). Paths are plain strings, thumbprints are hex strings, and nulls are left out.
 */
final class ConfigurationJson {
    private ConfigurationJson() {
    }

    static ObjectMapper mapper() {
        var values = new SimpleModule("tentacle-configuration")
                .addSerializer(Path.class, new PathSerializer())
                .addDeserializer(Path.class, new PathDeserializer())
                .addSerializer(Thumbprint.class, new ThumbprintSerializer())
                .addDeserializer(Thumbprint.class, new ThumbprintDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(values)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A file holds record components only; helpers such as TrustedServer.isPolling() stay out of it.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class PathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Path) context.handleUnexpectedToken(Path.class, parser);
            }
            String text = parser.getText();
            if (text.isBlank()) {
                throw InvalidFormatException.from(parser, "A path is empty; give a full path or remove the field.", text, Path.class);
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw InvalidFormatException.from(parser, "'" + text + "' is not a valid path here: " + e.getReason() + ".", text, Path.class);
            }
        }
    }

    private static final class ThumbprintSerializer extends JsonSerializer<Thumbprint> {
        @Override
        public void serialize(Thumbprint value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.hex());
        }
    }

    private static final class ThumbprintDeserializer extends JsonDeserializer<Thumbprint> {
        @Override
        public Thumbprint deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Thumbprint) context.handleUnexpectedToken(Thumbprint.class, parser);
            }
            String text = parser.getText();
            try {
                return Thumbprint.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, Thumbprint.class);
            }
        }
    }
}
