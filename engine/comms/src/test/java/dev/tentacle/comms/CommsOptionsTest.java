package dev.tentacle.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsOptions.Builder;
import dev.tentacle.comms.CommsOptions.TlsProvider;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommsOptionsTest {
    private static final CommsOptions DEFAULTS = CommsOptions.defaults();

    @Test
    void defaultFrameLimitIs16MiB() {
        assertThat(DEFAULTS.maxFrameSize()).isEqualTo(16 * 1024 * 1024).isEqualTo(CommsOptions.DEFAULT_MAX_FRAME_SIZE);
    }

    @Test
    void defaultTimingsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.preAuthenticationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(DEFAULTS.pooledConnectionMaxIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.pickupTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aPollingSubscriberKeepsFiveConnectionsAndReconnectsAfterFiveSecondsToTwoMinutes() {
        assertThat(DEFAULTS.pollingConnectionCount()).isEqualTo(5);
        assertThat(DEFAULTS.pollingReconnectMinimum()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.pollingReconnectMaximum()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void streamsDefaultToA1MiBWindowOf64KiBChunks() {
        assertThat(DEFAULTS.streamWindowSize()).isEqualTo(1024 * 1024);
        assertThat(DEFAULTS.streamChunkSize()).isEqualTo(64 * 1024);
    }

    @Test
    void theTlsProviderIsChosenAutomaticallyByDefault() {
        assertThat(DEFAULTS.tlsProvider()).isEqualTo(TlsProvider.AUTO);
    }

    @Test
    void builderDefaultsEqualDefaults() {
        assertThat(CommsOptions.builder().build()).isEqualTo(DEFAULTS);
    }

    @Test
    void toBuilderReproducesTheDefaults() {
        assertThat(DEFAULTS.toBuilder().build()).isEqualTo(DEFAULTS);
    }

    @Test
    void toBuilderReproducesEveryChangedSetting() {
        CommsOptions custom = CommsOptions.builder()
                .maxFrameSize(1024 * 1024)
                .preAuthenticationTimeout(Duration.ofSeconds(3))
                .heartbeatInterval(Duration.ofMillis(500))
                .connectTimeout(Duration.ofSeconds(7))
                .pooledConnectionMaxIdle(Duration.ofSeconds(11))
                .pollingConnectionCount(2)
                .pollingReconnect(Duration.ofMillis(100), Duration.ofSeconds(1))
                .pickupTimeout(Duration.ofSeconds(13))
                .streamWindowSize(8192)
                .streamChunkSize(2048)
                .tlsProvider(TlsProvider.JDK)
                .build();

        CommsOptions copy = custom.toBuilder().build();

        assertThat(copy).isEqualTo(custom);
        assertThat(copy).isNotEqualTo(DEFAULTS);
        assertThat(copy.pollingReconnectMinimum()).isEqualTo(Duration.ofMillis(100));
        assertThat(copy.tlsProvider()).isEqualTo(TlsProvider.JDK);
    }

    @Test
    void changingACopysBuilderLeavesTheOriginalAlone() {
        CommsOptions changed = DEFAULTS.toBuilder().heartbeatInterval(Duration.ofSeconds(1)).build();

        assertThat(changed.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(DEFAULTS.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(changed).isEqualTo(new CommsOptions(DEFAULTS.maxFrameSize(), DEFAULTS.preAuthenticationTimeout(),
                Duration.ofSeconds(1), DEFAULTS.connectTimeout(), DEFAULTS.pooledConnectionMaxIdle(),
                DEFAULTS.pollingConnectionCount(), DEFAULTS.pollingReconnectMinimum(), DEFAULTS.pollingReconnectMaximum(),
                DEFAULTS.pickupTimeout(), DEFAULTS.streamWindowSize(), DEFAULTS.streamChunkSize(), DEFAULTS.tlsProvider()));
    }

    @Test
    void rejectsAFrameLimitBelow4KiB() {
        assertThatThrownBy(() -> CommsOptions.builder().maxFrameSize(4095).streamChunkSize(1024).streamWindowSize(1024).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFrameSize must be at least 4096 bytes, was 4095");
    }

    @Test
    void acceptsTheSmallestFrameLimitWithAChunkThatFits() {
        CommsOptions smallest = CommsOptions.builder()
                .maxFrameSize(CommsOptions.MIN_MAX_FRAME_SIZE).streamChunkSize(4096 - 64).streamWindowSize(4096 - 64).build();

        assertThat(smallest.maxFrameSize()).isEqualTo(4096);
    }

    /** Each timing setting, as a way to set it on a builder. */
    static Stream<Arguments> timings() {
        return Stream.of(
                timing("preAuthenticationTimeout", Builder::preAuthenticationTimeout, CommsOptions::preAuthenticationTimeout),
                timing("heartbeatInterval", Builder::heartbeatInterval, CommsOptions::heartbeatInterval),
                timing("connectTimeout", Builder::connectTimeout, CommsOptions::connectTimeout),
                timing("pooledConnectionMaxIdle", Builder::pooledConnectionMaxIdle, CommsOptions::pooledConnectionMaxIdle),
                timing("pollingReconnectMinimum", (b, d) -> b.pollingReconnect(d, Duration.ofMinutes(2)),
                        CommsOptions::pollingReconnectMinimum),
                timing("pollingReconnectMaximum", (b, d) -> b.pollingReconnect(Duration.ofNanos(1), d),
                        CommsOptions::pollingReconnectMaximum),
                timing("pickupTimeout", Builder::pickupTimeout, CommsOptions::pickupTimeout));
    }

    private static Arguments timing(String name, BiFunction<Builder, Duration, Builder> setter,
            Function<CommsOptions, Duration> getter) {
        return Arguments.of(name, setter, getter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timings")
    void rejectsAZeroTiming(String name, BiFunction<Builder, Duration, Builder> setter,
            Function<CommsOptions, Duration> getter) {
        assertThatThrownBy(() -> setter.apply(CommsOptions.builder(), Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be a positive duration, was PT0S");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timings")
    void rejectsANegativeTiming(String name, BiFunction<Builder, Duration, Builder> setter,
            Function<CommsOptions, Duration> getter) {
        assertThatThrownBy(() -> setter.apply(CommsOptions.builder(), Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be a positive duration, was PT-1S");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timings")
    void rejectsAMissingTiming(String name, BiFunction<Builder, Duration, Builder> setter,
            Function<CommsOptions, Duration> getter) {
        assertThatThrownBy(() -> setter.apply(CommsOptions.builder(), null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be a positive duration, was null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timings")
    void acceptsAOneNanosecondTiming(String name, BiFunction<Builder, Duration, Builder> setter,
            Function<CommsOptions, Duration> getter) {
        CommsOptions options = setter.apply(CommsOptions.builder(), Duration.ofNanos(1)).build();

        assertThat(getter.apply(options)).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void rejectsNoPollingConnections() {
        assertThatThrownBy(() -> CommsOptions.builder().pollingConnectionCount(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollingConnectionCount must be 1 to 100, was 0");
    }

    @Test
    void rejectsMoreThanAHundredPollingConnections() {
        assertThatThrownBy(() -> CommsOptions.builder().pollingConnectionCount(101).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollingConnectionCount must be 1 to 100, was 101");
    }

    @Test
    void acceptsOneToAHundredPollingConnections() {
        assertThat(CommsOptions.builder().pollingConnectionCount(1).build().pollingConnectionCount()).isEqualTo(1);
        assertThat(CommsOptions.builder().pollingConnectionCount(100).build().pollingConnectionCount()).isEqualTo(100);
    }

    @Test
    void rejectsAReconnectMaximumBelowItsMinimum() {
        assertThatThrownBy(() -> CommsOptions.builder().pollingReconnect(Duration.ofSeconds(10), Duration.ofSeconds(9)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollingReconnectMaximum (PT9S) is shorter than pollingReconnectMinimum (PT10S)");
    }

    @Test
    void acceptsAFixedReconnectDelay() {
        CommsOptions fixed = CommsOptions.builder().pollingReconnect(Duration.ofSeconds(7), Duration.ofSeconds(7)).build();

        assertThat(fixed.pollingReconnectMaximum()).isEqualTo(fixed.pollingReconnectMinimum());
    }

    @Test
    void rejectsAChunkBelow1KiB() {
        assertThatThrownBy(() -> CommsOptions.builder().streamChunkSize(1023).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamChunkSize must be between 1 KiB and maxFrameSize - 64, was 1023");
    }

    @Test
    void rejectsAChunkThatLeavesNoRoomForTheFrameHeader() {
        int frame = 64 * 1024;

        assertThatThrownBy(() -> CommsOptions.builder().maxFrameSize(frame).streamChunkSize(frame - 63).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("streamChunkSize must be between 1 KiB and maxFrameSize - 64");
        assertThat(CommsOptions.builder().maxFrameSize(frame).streamChunkSize(frame - 64).build().streamChunkSize())
                .isEqualTo(frame - 64);
    }

    @Test
    void rejectsAWindowSmallerThanOneChunk() {
        assertThatThrownBy(() -> CommsOptions.builder().streamChunkSize(4096).streamWindowSize(4095).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamWindowSize (4095) must hold at least one chunk (4096)");
    }

    @Test
    void acceptsAWindowOfExactlyOneChunk() {
        assertThat(CommsOptions.builder().streamChunkSize(4096).streamWindowSize(4096).build().streamWindowSize())
                .isEqualTo(4096);
    }

    @Test
    void requiresATlsProvider() {
        assertThatNullPointerException().isThrownBy(() -> CommsOptions.builder().tlsProvider(null).build())
                .withMessage("tlsProvider");
    }
}
