package dev.tentacle.comms.internal.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcCodecTest {

    record Step(String name, List<String> tags, int order) {
    }

    record Deployment(String project, List<Step> steps, List<List<Integer>> matrix, Optional<String> note,
            Optional<Step> rollback, Instant queuedAt, Duration timeout, Map<String, String> variables) {
    }

    record Upload(String name, DataStream content) {
    }

    record Broken(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("this value cannot be read");
        }
    }

    interface DeployService {
        Deployment deploy(Deployment deployment, String comment, Integer priority);

        void schedule(int count, long at);

        List<Step> steps(Optional<String> filter);

        void upload(DataStream first, Upload second, List<DataStream> rest);

        DataStream download(String path);

        Object anything(Object value);

        Optional<Step> find(String name);

        void ping();
    }

    private static final ServiceContract CONTRACT = ServiceContract.of(DeployService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RpcCodec codec = new RpcCodec();
    private final RecordingIncomingStreams incoming = new RecordingIncomingStreams();

    private static Method method(String name) {
        return CONTRACT.method(name).orElseThrow();
    }

    private static Deployment sampleDeployment() {
        return new Deployment("Web shop",
                List.of(new Step("stop site", List.of("iis", "windows"), 1), new Step("copy files", List.of(), 2)),
                List.of(List.of(1, 2), List.of(), List.of(3)),
                Optional.of("after hours"),
                Optional.of(new Step("restore backup", List.of("sql"), 99)),
                Instant.parse("2024-05-01T10:15:30.123456789Z"),
                Duration.ofMinutes(2).plusNanos(5),
                Map.of("Environment", "Production", "Region", "eu-west"));
    }

    /** Encodes a call, decodes it as the receiving side would, and reads the arguments back. */
    private Object[] sendCall(String methodName, Object... args) {
        RpcCodec.Encoded encoded = codec.encodeRequest("DeployService", methodName, args);
        RpcCodec.Request request = codec.decodeRequest(encoded.json());
        assertThat(request.service()).isEqualTo("DeployService");
        assertThat(request.method()).isEqualTo(methodName);
        return codec.readArguments(method(methodName), request.args(), incoming);
    }

    private Object sendResult(String methodName, Object result) {
        RpcCodec.Encoded encoded = codec.encodeResponse(result);
        return codec.decodeResponse(encoded.json(), method(methodName).getGenericReturnType(), incoming);
    }

    private static JsonNode tree(byte[] json) throws Exception {
        return JSON.readTree(json);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(UTF_8);
    }

    private static Consumer<CommsException> code(ErrorCode expected) {
        return e -> assertThat(e.code()).isEqualTo(expected);
    }

    // ---- round trips

    @Test
    void roundTripsARecordWithNestedListsOptionalsInstantsAndDurations() {
        Deployment deployment = sampleDeployment();

        Object[] args = sendCall("deploy", deployment, "ship it", 3);

        assertThat(args).containsExactly(deployment, "ship it", 3);
    }

    @Test
    void roundTripsAResultIntoTheDeclaredGenericType() {
        List<Step> steps = List.of(new Step("a", List.of("x"), 1), new Step("b", List.of(), 2));

        Object result = sendResult("steps", steps);

        assertThat(result).isEqualTo(steps);
        assertThat(((List<?>) result).getFirst()).isInstanceOf(Step.class);
    }

    @Test
    void roundTripsARecordResult() {
        assertThat(sendResult("deploy", sampleDeployment())).isEqualTo(sampleDeployment());
    }

    @Test
    void nullArgumentsArriveAsNull() {
        Object[] args = sendCall("deploy", null, null, null);

        assertThat(args).containsExactly(null, null, null);
    }

    @Test
    void nullFieldsInsideARecordArriveAsNull() {
        Step step = new Step(null, null, 0);
        Deployment deployment = new Deployment(null, Arrays.asList(step, null), null, Optional.empty(), Optional.empty(),
                null, null, null);

        Object[] args = sendCall("deploy", deployment, "", 0);

        assertThat(args[0]).isEqualTo(deployment);
    }

    @Test
    void anEmptyOptionalInsideARecordArrivesEmptyNotNull() {
        Deployment deployment = new Deployment("p", List.of(), List.of(), Optional.empty(), Optional.empty(),
                Instant.EPOCH, Duration.ZERO, Map.of());

        Deployment received = (Deployment) sendCall("deploy", deployment, null, null)[0];

        assertThat(received.note()).isEmpty();
        assertThat(received.rollback()).isEmpty();
    }

    @Test
    void aPresentOptionalArgumentArrivesPresent() {
        assertThat(sendCall("steps", Optional.of("deploy"))).containsExactly(Optional.of("deploy"));
    }

    @Test
    void anEmptyOptionalArgumentArrivesEmptyNotNull() {
        assertThat(sendCall("steps", Optional.empty())).containsExactly(Optional.empty());
    }

    @Test
    void anEmptyOptionalResultArrivesEmptyNotNull() {
        assertThat(sendResult("find", Optional.empty())).isEqualTo(Optional.empty());
    }

    @Test
    void aMissingResultIsNullOrAnEmptyOptional() {
        assertThat(codec.decodeResponse(bytes("{}"), String.class, incoming)).isNull();
        // A service should never return a null Optional; if it does, the caller still gets an empty one.
        assertThat(sendResult("find", null)).isEqualTo(Optional.empty());
    }

    @Test
    void theEmptyResultOfAVoidMethodDecodesToNull() {
        assertThat(sendResult("ping", null)).isNull();
    }

    @Test
    void writesInstantsAsIsoTextWithNanoseconds() throws Exception {
        JsonNode deployment = tree(codec.encodeRequest("DeployService", "deploy",
                new Object[] {sampleDeployment(), null, null}).json()).path("args").get(0);

        assertThat(deployment.path("queuedAt").isTextual()).isTrue();
        assertThat(deployment.path("queuedAt").asText()).isEqualTo("2024-05-01T10:15:30.123456789Z");
    }

    @Test
    void durationsKeepNanosecondPrecisionWhateverTheirLength() {
        Duration aYearAndANanosecond = Duration.ofDays(365).plusNanos(1);
        Deployment deployment = new Deployment("p", List.of(), List.of(), Optional.empty(), Optional.empty(), Instant.EPOCH,
                aYearAndANanosecond, Map.of());

        Deployment received = (Deployment) sendCall("deploy", deployment, null, null)[0];

        assertThat(received.timeout()).isEqualTo(aYearAndANanosecond);
    }

    @Test
    void shortDurationsKeepNanosecondPrecision() {
        Duration twoMinutesAndFiveNanoseconds = Duration.ofMinutes(2).plusNanos(5);
        Deployment deployment = new Deployment("p", List.of(), List.of(), Optional.empty(), Optional.empty(), Instant.EPOCH,
                twoMinutesAndFiveNanoseconds, Map.of());

        Deployment received = (Deployment) sendCall("deploy", deployment, null, null)[0];

        assertThat(received.timeout()).isEqualTo(twoMinutesAndFiveNanoseconds);
    }

    @Test
    void aRequestWithoutArgumentsCarriesAnEmptyList() throws Exception {
        RpcCodec.Encoded encoded = codec.encodeRequest("DeployService", "ping", null);

        assertThat(tree(encoded.json()).path("args").isArray()).isTrue();
        assertThat(codec.decodeRequest(encoded.json()).args()).isEmpty();
        assertThat(codec.readArguments(method("ping"), codec.decodeRequest(encoded.json()).args(), incoming)).isEmpty();
    }

    @Test
    void ignoresFieldsThatANewerPeerAdds() {
        byte[] json = bytes("""
                {"service":"DeployService","method":"find","args":["x"],"traceId":"abc"}""");
        byte[] result = bytes("""
                {"result":{"name":"a","tags":["t"],"order":4,"addedLater":{"deep":[1,2]}},"elapsed":12}""");

        assertThat(codec.readArguments(method("find"), codec.decodeRequest(json).args(), incoming)).containsExactly("x");
        assertThat(codec.decodeResponse(result, Step.class, incoming)).isEqualTo(new Step("a", List.of("t"), 4));
    }

    // ---- no class names on the wire

    @Test
    void noJavaClassNameAppearsInTheJsonOfRecords() throws Exception {
        String request = new String(codec.encodeRequest("DeployService", "deploy",
                new Object[] {sampleDeployment(), "c", 1}).json(), UTF_8);
        String response = new String(codec.encodeResponse(sampleDeployment()).json(), UTF_8);

        for (String json : List.of(request, response)) {
            assertThat(json).doesNotContain("dev.tentacle", "RpcCodecTest", "Deployment", "Step", "java.", "$",
                    "@class", "@type");
        }
        JsonNode deployment = tree(bytes(request)).path("args").get(0);
        List<String> fields = new ArrayList<>();
        deployment.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("project", "steps", "matrix", "note", "rollback", "queuedAt", "timeout",
                "variables");
    }

    @Test
    void neverInstantiatesAClassNamedOnTheWire() {
        byte[] json = bytes("""
                {"service":"DeployService","method":"anything",
                 "args":[{"@class":"java.io.File","path":"/etc/passwd"}]}""");

        Object[] args = codec.readArguments(method("anything"), codec.decodeRequest(json).args(), incoming);

        assertThat(args[0]).isInstanceOf(Map.class);
        assertThat(args[0]).isEqualTo(Map.of("@class", "java.io.File", "path", "/etc/passwd"));
    }

    // ---- request errors

    @Test
    void aNullForAPrimitiveParameterIsInvalidArgument() {
        byte[] json = bytes("""
                {"service":"DeployService","method":"schedule","args":[null,5]}""");
        List<JsonNode> args = codec.decodeRequest(json).args();

        assertThatThrownBy(() -> codec.readArguments(method("schedule"), args, incoming))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("No value arrived for argument 1 of DeployService.schedule");
    }

    @Test
    void aNullForAPrimitiveParameterSentByThisSideIsInvalidArgument() {
        assertThatThrownBy(() -> sendCall("schedule", 1, null))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("argument 2 of DeployService.schedule");
    }

    @Test
    void tooFewArgumentsIsInvalidArgument() {
        assertThatThrownBy(() -> sendCall("schedule", 1))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("DeployService.schedule takes 2 arguments but the request carried 1. The peer may be a different version.");
    }

    @Test
    void tooManyArgumentsIsInvalidArgument() {
        assertThatThrownBy(() -> sendCall("ping", "unexpected"))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("takes 0 arguments but the request carried 1");
    }

    @Test
    void anArgumentOfTheWrongShapeIsInvalidArgument() {
        byte[] json = bytes("""
                {"service":"DeployService","method":"schedule","args":["many",5]}""");
        List<JsonNode> args = codec.decodeRequest(json).args();

        assertThatThrownBy(() -> codec.readArguments(method("schedule"), args, incoming))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("Could not read argument 1 of DeployService.schedule as int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"service\":\"DeployService\",", "{\"service\" \"x\"}", "{'service':'x'}"})
    void aMalformedRequestIsAProtocolError(String json) {
        assertThatThrownBy(() -> codec.decodeRequest(bytes(json)))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.PROTOCOL_ERROR))
                .hasMessageStartingWith("A request was not valid JSON");
    }

    @Test
    void aRequestThatIsNotUtf8IsAProtocolError() {
        assertThatThrownBy(() -> codec.decodeRequest(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x01}))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.PROTOCOL_ERROR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"method\":\"ping\"}", "{\"service\":\"DeployService\"}",
            "{\"service\":1,\"method\":\"ping\"}", "{\"service\":\"DeployService\",\"method\":null}",
            "{\"service\":\"DeployService\",\"method\":[\"ping\"]}", "[]", "null", "\"DeployService\"", "42"})
    void aRequestWithoutServiceAndMethodNamesIsAProtocolError(String json) {
        assertThatThrownBy(() -> codec.decodeRequest(bytes(json)))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.PROTOCOL_ERROR));
    }

    @Test
    void aMalformedResponseIsAProtocolError() {
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"result\":"), String.class, incoming))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.PROTOCOL_ERROR))
                .hasMessageStartingWith("A response was not valid JSON");
    }

    @Test
    void aResultOfTheWrongShapeIsInvalidArgument() {
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"result\":\"soon\"}"), long.class, incoming))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("Could not read the result as long");
    }

    @Test
    void aValueThatCannotBeWrittenIsInvalidArgument() {
        assertThatThrownBy(() -> codec.encodeRequest("DeployService", "anything", new Object[] {new Broken("x")}))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("Could not encode the message")
                .hasMessageContaining("records or other JSON-mappable values");
    }

    // ---- streams

    @Test
    void dataStreamArgumentsBecomePlaceholdersNumberedInOrder() throws Exception {
        DataStream first = DataStream.ofBytes(new byte[1]);
        DataStream second = DataStream.ofBytes(new byte[2]);
        DataStream third = DataStream.ofBytes(new byte[3]);
        DataStream fourth = DataStream.of(DataStream.UNKNOWN_LENGTH, InputStream::nullInputStream);

        RpcCodec.Encoded encoded = codec.encodeRequest("DeployService", "upload",
                new Object[] {first, new Upload("package.zip", second), List.of(third, fourth)});

        JsonNode args = tree(encoded.json()).path("args");
        assertThat(args.get(0)).isEqualTo(tree(bytes("{\"stream\":0,\"length\":1}")));
        assertThat(args.get(1)).isEqualTo(tree(bytes("{\"name\":\"package.zip\",\"content\":{\"stream\":1,\"length\":2}}")));
        assertThat(args.get(2)).isEqualTo(tree(bytes("[{\"stream\":2,\"length\":3},{\"stream\":3,\"length\":-1}]")));
        assertThat(encoded.streams()).containsExactly(first, second, third, fourth);
    }

    @Test
    void aDataStreamResultBecomesAPlaceholder() throws Exception {
        DataStream content = DataStream.ofBytes(new byte[42]);

        RpcCodec.Encoded encoded = codec.encodeResponse(content);

        assertThat(tree(encoded.json())).isEqualTo(tree(bytes("{\"result\":{\"stream\":0,\"length\":42}}")));
        assertThat(encoded.streams()).containsExactly(content);
    }

    @Test
    void aMessageWithoutStreamsCarriesNone() {
        assertThat(codec.encodeRequest("DeployService", "deploy", new Object[] {sampleDeployment(), "c", 1}).streams()).isEmpty();
        assertThat(codec.encodeResponse("done").streams()).isEmpty();
    }

    @Test
    void theStreamsOfAnEncodedMessageCannotBeChanged() {
        RpcCodec.Encoded encoded = codec.encodeResponse(DataStream.ofBytes(new byte[1]));

        assertThatThrownBy(() -> encoded.streams().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachMessageNumbersItsStreamsFromZero() throws Exception {
        codec.encodeResponse(DataStream.ofBytes(new byte[1]));

        RpcCodec.Encoded second = codec.encodeResponse(DataStream.ofBytes(new byte[1]));

        assertThat(tree(second.json()).path("result").path("stream").asInt()).isZero();
        assertThat(second.streams()).hasSize(1);
    }

    @Test
    void decodingPlaceholdersOpensIncomingStreamsWithTheirIndexAndLength() {
        Object[] args = sendCall("upload", DataStream.ofBytes(new byte[10]),
                new Upload("package.zip", DataStream.ofBytes(new byte[20])),
                List.of(DataStream.ofBytes(new byte[30]), DataStream.of(DataStream.UNKNOWN_LENGTH, InputStream::nullInputStream)));

        assertThat(incoming.opened).containsExactly("0:10", "1:20", "2:30", "3:-1");
        assertThat(args[0]).isSameAs(incoming.created.get(0));
        assertThat(((Upload) args[1]).content()).isSameAs(incoming.created.get(1));
        assertThat(((Upload) args[1]).name()).isEqualTo("package.zip");
        assertThat(args[2]).isEqualTo(List.of(incoming.created.get(2), incoming.created.get(3)));
    }

    @Test
    void decodingAStreamResultOpensAnIncomingStream() {
        Object result = sendResult("download", DataStream.ofBytes(new byte[7]));

        assertThat(incoming.opened).containsExactly("0:7");
        assertThat(result).isSameAs(incoming.created.getFirst());
    }

    @Test
    void aPlaceholderWithoutALengthHasAnUnknownLength() {
        codec.decodeResponse(bytes("{\"result\":{\"stream\":4}}"), DataStream.class, incoming);

        assertThat(incoming.opened).containsExactly("4:-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "{\"length\":3}", "{\"stream\":\"first\"}", "[0]"})
    void aStreamValueThatIsNotAPlaceholderIsInvalidArgument(String value) {
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"result\":" + value + "}"), DataStream.class, incoming))
                .isInstanceOfSatisfying(CommsException.class, code(ErrorCode.INVALID_ARGUMENT));
        assertThat(incoming.opened).isEmpty();
    }

    /** Records each stream the codec asks for, and hands out a distinct stream for each. */
    static final class RecordingIncomingStreams implements RpcCodec.IncomingStreams {
        final List<String> opened = new ArrayList<>();
        final List<DataStream> created = new ArrayList<>();

        @Override
        public DataStream open(int index, long length) {
            opened.add(index + ":" + length);
            DataStream stream = DataStream.of(length, InputStream::nullInputStream);
            created.add(stream);
            return stream;
        }
    }
}
