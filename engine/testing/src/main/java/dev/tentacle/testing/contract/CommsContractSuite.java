package dev.tentacle.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour both connection modes must share. A subclass names the mode; every test here runs in it.
 * Mode-specific failures (who sees an error first) are asserted through {@link #callFailure}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class CommsContractSuite {
    protected static final long GIBIBYTE = 1024L * 1024 * 1024;

    private final List<AutoCloseable> resources = new ArrayList<>();

    protected abstract Mode mode();

    /** Options with short timings, so failure tests finish quickly. */
    protected CommsOptions fastOptions() {
        return CommsOptions.builder()
                .heartbeatInterval(Duration.ofSeconds(2))
                .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(400))
                .pickupTimeout(Duration.ofSeconds(20))
                .preAuthenticationTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    protected CommsPair.Builder pair() {
        return CommsPair.builder(mode(), CertificateFixtures.server(), CertificateFixtures.tentacle()).options(fastOptions());
    }

    protected <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    protected CommsPair started(CommsPair.Builder builder) {
        return closeLater(builder.build()).start();
    }

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void echoesRecordsBothWays() {
        CommsPair pair = started(pair());
        var message = new EchoService.Message("hello tentacle", 42, List.of("web", "db"));

        assertThat(pair.echo().echo(message)).isEqualTo(message);
        assertThat(pair.echo().echo(new EchoService.Message(null, -1, List.of()))).isEqualTo(new EchoService.Message(null, -1, List.of()));
    }

    @Test
    void multiplexesConcurrentCallsOnOneConnection() throws Exception {
        RecordingListener listening = new RecordingListener();
        CommsOptions oneConnection = fastOptions().toBuilder().pollingConnectionCount(1).build();
        CommsPair.Builder builder = pair().options(oneConnection);
        builder = mode() == Mode.LISTENING ? builder.tentacleListener(listening) : builder.serverListener(listening);
        CommsPair pair = started(builder);
        EchoService echo = pair.echo();
        echo.echo(new EchoService.Message("warm-up", 0, List.of()));

        List<Future<EchoService.Message>> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            // Fewer than the pool's per-connection limit (32), so one connection must carry them all.
            for (int i = 0; i < 24; i++) {
                var message = new EchoService.Message("call " + i, i, List.of());
                results.add(executor.submit(() -> echo.echo(message)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().number()).isEqualTo(i);
            }
        }
        assertThat(listening.accepted()).as("connections accepted by the listening side").isEqualTo(1);
    }

    @Test
    void uploadsOneGibibyteWithBoundedMemory() {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test JVM's heap must be far smaller than the payload")
                .isLessThan(GIBIBYTE);
        CommsPair pair = started(pair());
        long seed = 7;

        EchoService.Digest digest = pair.echo().upload("one-gib",
                DataStream.of(GIBIBYTE, () -> new PseudoRandomInputStream(GIBIBYTE, seed)));

        assertThat(digest).isEqualTo(PseudoRandomInputStream.expectedDigest(GIBIBYTE, seed));
    }

    @Test
    void downloadsOneGibibyteWithBoundedMemory() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(GIBIBYTE);
        CommsPair pair = started(pair());
        long seed = 11;

        DataStream stream = pair.echo().download(new EchoService.Generate(GIBIBYTE, seed));
        EchoService.Digest digest;
        try (InputStream in = stream.open()) {
            digest = EchoServiceImpl.digest(in);
        }

        assertThat(stream.length()).isEqualTo(GIBIBYTE);
        assertThat(digest).isEqualTo(PseudoRandomInputStream.expectedDigest(GIBIBYTE, seed));
    }

    @Test
    void carriesSeveralSmallStreamsAndEmptyOnes() throws Exception {
        CommsPair pair = started(pair());
        EchoService echo = pair.echo();

        assertThat(echo.upload("empty", DataStream.ofBytes(new byte[0])).length()).isZero();
        assertThat(echo.upload("small", DataStream.ofBytes("abc".getBytes())).sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        DataStream unknownLength = DataStream.of(DataStream.UNKNOWN_LENGTH, () -> new PseudoRandomInputStream(300_000, 3));
        assertThat(echo.upload("unknown", unknownLength)).isEqualTo(PseudoRandomInputStream.expectedDigest(300_000, 3));
    }

    @Test
    void interruptingTheCallerCancelsTheRemoteCall() throws Exception {
        CommsPair pair = started(pair());
        EchoService echo = pair.echo();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                echo.block("interrupted-caller");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThat(pair.service().blockEntered().await(30, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(Duration.ofSeconds(30));

        assertThat(failure.get()).isInstanceOf(CommsException.class);
        assertThat(((CommsException) failure.get()).code()).isEqualTo(ErrorCode.CANCELLED);
        await().atMost(Duration.ofSeconds(30)).until(() -> pair.service().cancelledMarkers().contains("interrupted-caller"));
    }

    @Test
    void cancellingTheFutureCancelsTheRemoteCall() throws Exception {
        CommsPair pair = started(pair());
        CompletableFuture<EchoService.Message> result = pair.echo().blockAsync("cancelled-future");
        assertThat(pair.service().blockEntered().await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(result.cancel(true)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> pair.service().cancelledMarkers().contains("cancelled-future"));
        // The connection stays usable after a cancellation.
        assertThat(pair.echo().echo(new EchoService.Message("after", 1, List.of())).text()).isEqualTo("after");
    }

    @Test
    void serviceFailuresCrossAsCodeAndMessageWithoutClassNames() {
        CommsPair pair = started(pair());

        assertThatThrownBy(() -> pair.echo().fail("the disk is full"))
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_FAILED);
                    assertThat(e.getMessage()).isEqualTo("the disk is full").doesNotContain("IllegalStateException");
                });
    }

    @Test
    void aServiceTheOtherSideDoesNotHostIsNamed() {
        CommsPair pair = started(pair());
        Runnable notHosted = pair.server().client(pair.tentacleEndpoint(), Runnable.class)::run;

        assertThatThrownBy(notHosted::run)
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND);
                    assertThat(e.getMessage()).contains("Runnable", "EchoService");
                });
    }

    @Test
    void anOversizedFrameIsRejectedBeforeItIsRead() {
        CommsOptions small = fastOptions().toBuilder().maxFrameSize(64 * 1024).streamChunkSize(16 * 1024).streamWindowSize(64 * 1024).build();
        CommsPair pair = started(pair().tentacleOptions(small));

        assertThatThrownBy(() -> pair.echo().echo(new EchoService.Message("x".repeat(200_000), 0, List.of())))
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
                    assertThat(e.getMessage()).contains("65536");
                });
        // Later calls open a fresh connection and work.
        assertThat(pair.echo().echo(new EchoService.Message("small", 1, List.of())).text()).isEqualTo("small");
    }

    @Test
    void aResultTooLargeForAFrameFailsTheCallClearly() {
        CommsOptions small = fastOptions().toBuilder().maxFrameSize(64 * 1024).streamChunkSize(16 * 1024).streamWindowSize(64 * 1024).build();
        CommsPair pair = started(pair().options(small));

        assertThatThrownBy(() -> pair.echo().large(200_000))
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
                    assertThat(e.getMessage()).contains("DataStream");
                });
    }

    @Test
    void survivesARestartOfTheListeningSide() {
        CommsPair pair = started(pair());
        EchoService echo = pair.echo(RetryPolicy.ofDuration(Duration.ofSeconds(30)));
        assertThat(echo.echo(new EchoService.Message("before", 1, List.of())).text()).isEqualTo("before");

        pair.restartListeningSide();

        EchoService afterRestart = pair.echo(RetryPolicy.ofDuration(Duration.ofSeconds(30)));
        assertThat(afterRestart.echo(new EchoService.Message("after", 2, List.of())).text()).isEqualTo("after");
        if (mode() == Mode.POLLING) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pair.server().connectedSubscribers(CommsPair.SUBSCRIPTION)
                    == fastOptions().pollingConnectionCount());
        }
    }

    @Test
    void aTentacleWithAnUnexpectedThumbprintIsNamed() {
        CommsOptions quickPickup = fastOptions().toBuilder().pickupTimeout(Duration.ofSeconds(2)).build();
        CommsPair pair = started(pair().options(quickPickup));
        var wrong = CertificateFixtures.other().thumbprints().sha256();
        EchoService echo = pair.server().client(pair.tentacleEndpoint(wrong), EchoService.class);
        awaitSubscribersIfPolling(pair);

        assertThatThrownBy(() -> echo.echo(new EchoService.Message("x", 0, List.of())))
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    String presented = CertificateFixtures.tentacle().thumbprints().sha1().hex();
                    if (mode() == Mode.LISTENING) {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
                    } else {
                        assertThat(e.code()).isEqualTo(ErrorCode.PICKUP_TIMEOUT);
                    }
                    assertThat(e.getMessage()).contains(wrong.hex(), presented);
                });
    }

    @Test
    void aServerTheTentacleDoesNotTrustIsNamed() {
        CommsOptions quickPickup = fastOptions().toBuilder().pickupTimeout(Duration.ofSeconds(2)).build();
        RecordingListener tentacleEvents = new RecordingListener();
        var notTheServer = dev.tentacle.comms.TrustList.of(CertificateFixtures.other().thumbprints().sha1());
        CommsPair pair = started(pair().options(quickPickup).tentacleTrust(notTheServer).tentacleListener(tentacleEvents));

        assertThatThrownBy(() -> pair.echo().echo(new EchoService.Message("x", 0, List.of())))
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    if (mode() == Mode.LISTENING) {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
                        assertThat(e.getMessage()).contains(CertificateFixtures.server().thumbprints().sha1().hex());
                    } else {
                        assertThat(e.code()).isEqualTo(ErrorCode.PICKUP_TIMEOUT);
                    }
                });
        if (mode() == Mode.LISTENING) {
            assertThat(tentacleEvents.rejectionCodes()).contains(ErrorCode.UNTRUSTED_PEER);
        } else {
            // The polling Tentacle pins the server's thumbprint and names the mismatch in its reconnect reason.
            await().atMost(Duration.ofSeconds(10)).until(() -> tentacleEvents.reconnectCodes().contains(ErrorCode.UNTRUSTED_PEER));
            assertThat(tentacleEvents.reconnectReasons().getFirst().getMessage())
                    .contains(CertificateFixtures.server().thumbprints().sha1().hex(), CertificateFixtures.other().thumbprints().sha1().hex());
        }
    }

    protected void awaitSubscribersIfPolling(CommsPair pair) {
        if (mode() == Mode.POLLING) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pair.server().connectedSubscribers(CommsPair.SUBSCRIPTION) > 0);
        }
    }
}
