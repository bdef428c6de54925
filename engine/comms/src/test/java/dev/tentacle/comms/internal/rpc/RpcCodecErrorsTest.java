package dev.tentacle.comms.internal.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Errors on the wire: a code plus a message, never a class name; unknown or damaged errors still say something. */
class RpcCodecErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RpcCodec codec = new RpcCodec();

    private static JsonNode tree(byte[] json) throws Exception {
        return JSON.readTree(json);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeRoundTripsWithItsMessage(ErrorCode errorCode) {
        CommsException decoded = codec.decodeError(codec.encodeError(errorCode, "what went wrong: \"quoted\" ünïcode"));

        assertThat(decoded.code()).isEqualTo(errorCode);
        assertThat(decoded).hasMessage("what went wrong: \"quoted\" ünïcode");
    }

    @Test
    void anErrorWithoutAMessageDecodesWithAnEmptyOne() {
        CommsException decoded = codec.decodeError(codec.encodeError(ErrorCode.CANCELLED, null));

        assertThat(decoded.code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(decoded).hasMessage("");
    }

    @Test
    void errorsTravelByCodeNameOnly() throws Exception {
        JsonNode error = tree(codec.encodeError(ErrorCode.PICKUP_TIMEOUT, "nobody collected it"));

        assertThat(error.path("code").asText()).isEqualTo("PICKUP_TIMEOUT");
        assertThat(error.path("message").asText()).isEqualTo("nobody collected it");
        assertThat(error.size()).isEqualTo(2);
    }

    @Test
    void anUnknownErrorCodeBecomesServiceFailedKeepingTheCodeAndText() {
        CommsException decoded = codec.decodeError(bytes("""
                {"code":"QUOTA_EXCEEDED","message":"The disk quota of the agent is used up."}"""));

        assertThat(decoded.code()).isEqualTo(ErrorCode.SERVICE_FAILED);
        assertThat(decoded).hasMessage("[QUOTA_EXCEEDED] The disk quota of the agent is used up.");
    }

    @Test
    void anErrorWithoutACodeBecomesServiceFailedKeepingTheText() {
        CommsException decoded = codec.decodeError(bytes("{\"message\":\"it broke\"}"));

        assertThat(decoded.code()).isEqualTo(ErrorCode.SERVICE_FAILED);
        assertThat(decoded.getMessage()).contains("it broke");
    }

    @Test
    void aMalformedErrorIsAProtocolError() {
        CommsException decoded = codec.decodeError(bytes("{\"code\":"));

        assertThat(decoded.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(decoded).hasMessageStartingWith("An error message from the peer was not valid JSON");
    }

}
