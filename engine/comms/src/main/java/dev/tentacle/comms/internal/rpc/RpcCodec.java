package dev.tentacle.comms.internal.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns calls, results and errors into the JSON payloads of REQUEST, RESPONSE and ERROR frames. Values are read
 * into the types the service interface declares; no type names travel on the wire and none is ever instantiated
 * from the wire. A {@link DataStream} inside a value is written as {@code {"stream":INDEX,"length":N}} and its
 * bytes follow as stream frames.
 */
public final class RpcCodec {
    private static final String OUTGOING_STREAMS = "tentacle.outgoingStreams";
    private static final String INCOMING_STREAMS = "tentacle.incomingStreams";

    /** Creates the receiving side of a stream announced in a message. */
    @FunctionalInterface
    public interface IncomingStreams {
        DataStream open(int index, long length);
    }

    public record Request(String service, String method, List<JsonNode> args) {
    }

    record RequestBody(String service, String method, List<Object> args) {
    }

    record ResponseBody(Object result) {
    }

    record ErrorBody(String code, String message) {
    }

    /** An encoded message and the streams whose bytes must follow it, in index order. */
    public record Encoded(byte[] json, List<DataStream> streams) {
    }

    private final ObjectMapper mapper;

    public RpcCodec() {
        SimpleModule streams = new SimpleModule("tentacle-streams");
        streams.addSerializer(DataStream.class, new DataStreamSerializer());
        streams.addDeserializer(DataStream.class, new DataStreamDeserializer());
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(streams)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Decimals keep every digit, so nothing numeric loses precision on its way through the tree model.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    public Encoded encodeRequest(String service, String method, Object[] args) {
        List<Object> values = args == null ? List.of() : Arrays.asList(args);
        return write(new RequestBody(service, method, values));
    }

    public Request decodeRequest(byte[] json) {
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || !root.path("service").isTextual() || !root.path("method").isTextual()) {
                throw new CommsException(ErrorCode.PROTOCOL_ERROR, "A request arrived without a service and method name.");
            }
            List<JsonNode> args = new ArrayList<>();
            root.path("args").forEach(args::add);
            return new Request(root.get("service").asText(), root.get("method").asText(), args);
        } catch (IOException e) {
            throw new CommsException(ErrorCode.PROTOCOL_ERROR, "A request was not valid JSON: " + messageOf(e), e);
        }
    }

    /** Reads the arguments of a request into the parameter types of the method. */
    public Object[] readArguments(Method method, List<JsonNode> args, IncomingStreams incoming) {
        Type[] types = method.getGenericParameterTypes();
        if (args.size() != types.length) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " takes " + types.length + " arguments but the request carried " + args.size() + ". The peer may be a different version.");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = read(args.get(i), mapper.constructType(types[i]), incoming,
                    "argument " + (i + 1) + " of " + method.getDeclaringClass().getSimpleName() + "." + method.getName());
        }
        return values;
    }

    public Encoded encodeResponse(Object result) {
        return write(new ResponseBody(result));
    }

    public Object decodeResponse(byte[] json, Type resultType, IncomingStreams incoming) {
        try {
            JsonNode root = mapper.readTree(json);
            JsonNode result = root == null ? null : root.get("result");
            return read(result, mapper.constructType(resultType), incoming, "the result");
        } catch (IOException e) {
            throw new CommsException(ErrorCode.PROTOCOL_ERROR, "A response was not valid JSON: " + messageOf(e), e);
        }
    }

    public byte[] encodeError(ErrorCode code, String message) {
        return write(new ErrorBody(code.name(), message == null ? "" : message)).json();
    }

    public CommsException decodeError(byte[] json) {
        try {
            JsonNode root = mapper.readTree(json);
            String codeName = root == null ? "" : root.path("code").asText("");
            String message = root == null ? "" : root.path("message").asText("");
            ErrorCode code;
            try {
                code = ErrorCode.valueOf(codeName);
            } catch (IllegalArgumentException unknown) {
                // A newer peer may know codes this side does not; keep its words.
                code = ErrorCode.SERVICE_FAILED;
                message = "[" + codeName + "] " + message;
            }
            return new CommsException(code, message);
        } catch (IOException e) {
            return new CommsException(ErrorCode.PROTOCOL_ERROR, "An error message from the peer was not valid JSON: " + messageOf(e));
        }
    }

    private Object read(JsonNode node, JavaType type, IncomingStreams incoming, String what) {
        if (type.getRawClass() == void.class || type.getRawClass() == Void.class) {
            return null;
        }
        if (node == null || node.isNull()) {
            if (type.getRawClass() == java.util.Optional.class) {
                return java.util.Optional.empty();
            }
            if (type.isPrimitive()) {
                throw new CommsException(ErrorCode.INVALID_ARGUMENT, "No value arrived for " + what + ", which cannot be empty.");
            }
            return null;
        }
        try {
            return mapper.readerFor(type).withAttribute(INCOMING_STREAMS, incoming).readValue(node);
        } catch (IOException e) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "Could not read " + what + " as " + type.getRawClass().getSimpleName()
                    + ": " + messageOf(e) + ". The peer may be a different version.", e);
        }
    }

    private Encoded write(Object body) {
        List<DataStream> streams = new ArrayList<>();
        try {
            byte[] json = mapper.writer().withAttribute(OUTGOING_STREAMS, streams).writeValueAsBytes(body);
            return new Encoded(json, List.copyOf(streams));
        } catch (IOException e) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "Could not encode the message: " + messageOf(e)
                    + ". Service arguments and results must be records or other JSON-mappable values.", e);
        }
    }

    private static String messageOf(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static final class DataStreamSerializer extends StdSerializer<DataStream> {
        DataStreamSerializer() {
            super(DataStream.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(DataStream value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<DataStream> sink = (List<DataStream>) provider.getAttribute(OUTGOING_STREAMS);
            if (sink == null) {
                throw new IllegalStateException("DataStream can only be written as part of an RPC message");
            }
            if (sink.size() >= 65_535) {
                throw new IllegalStateException("A message can carry at most 65535 streams");
            }
            gen.writeStartObject();
            gen.writeNumberField("stream", sink.size());
            gen.writeNumberField("length", value.length());
            gen.writeEndObject();
            sink.add(value);
        }
    }

    private static final class DataStreamDeserializer extends StdDeserializer<DataStream> {
        DataStreamDeserializer() {
            super(DataStream.class);
        }

        @Override
        public DataStream deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = parser.readValueAsTree();
            IncomingStreams incoming = (IncomingStreams) ctxt.getAttribute(INCOMING_STREAMS);
            if (incoming == null || node == null || !node.path("stream").canConvertToInt()) {
                throw ctxt.weirdStringException(String.valueOf(node), DataStream.class, "not a stream reference");
            }
            return incoming.open(node.get("stream").asInt(), node.path("length").asLong(DataStream.UNKNOWN_LENGTH));
        }
    }
}
