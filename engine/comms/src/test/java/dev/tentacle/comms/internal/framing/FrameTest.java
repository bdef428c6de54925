package dev.tentacle.comms.internal.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void typeCodesAreTheOnesOnTheWire() {
        assertThat(FrameType.values()).extracting(FrameType::code)
                .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09);
        for (FrameType type : FrameType.values()) {
            assertThat(FrameType.fromCode(type.code())).isSameAs(type);
        }
    }

    @Test
    void unknownTypeCodesAreAProtocolError() {
        for (int code : new int[] {0x00, 0x0A, 0xFF, -1, 256}) {
            assertThatThrownBy(() -> FrameType.fromCode(code))
                    .isInstanceOfSatisfying(CommsException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                    .hasMessageContaining("unknown type");
        }
    }

    @Test
    void controlFramesCarryTheirIdAndNoPayload() {
        assertThat(Frame.ping(5)).isEqualTo(new Frame(FrameType.PING, 5, Unpooled.EMPTY_BUFFER));
        assertThat(Frame.pong(5)).isEqualTo(new Frame(FrameType.PONG, 5, Unpooled.EMPTY_BUFFER));
        assertThat(Frame.cancel(9)).isEqualTo(new Frame(FrameType.CANCEL, 9, Unpooled.EMPTY_BUFFER));
        assertThat(Frame.ping(5).length()).isEqualTo(Frame.MIN_LENGTH);
    }

    @Test
    void referenceCountingIsThePayloads() {
        ByteBuf payload = Unpooled.buffer(4).writeInt(1);
        Frame frame = Frame.of(FrameType.REQUEST, 1, payload);

        frame.retain();
        assertThat(payload.refCnt()).isEqualTo(2);
        assertThat(frame.release()).isFalse();
        assertThat(frame.release()).isTrue();
        assertThat(payload.refCnt()).isZero();
    }

    @Test
    void describesItselfWithoutDumpingThePayload() {
        assertThat(Frame.ping(7)).hasToString("Frame[PING id=7, 0 payload bytes]");
    }
}
