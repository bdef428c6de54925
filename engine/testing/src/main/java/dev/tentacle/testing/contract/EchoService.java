package dev.tentacle.testing.contract;

import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.Idempotent;
import java.util.concurrent.CompletableFuture;

/** The service the contract suite calls, covering plain values, failures, cancellation and streams. */
public interface EchoService {
    record Message(String text, int number, java.util.List<String> tags) {
    }

    record Digest(long length, String sha256) {
    }

    record Generate(long length, long seed) {
    }

    @Idempotent
    Message echo(Message message);

    /** Fails with the given message, as a service that hits a problem does. */
    Message fail(String message);

    /** Blocks until cancelled; the implementation records that it saw the cancellation. */
    Message block(String marker);

    /** The asynchronous form: cancelling the returned future cancels the call. */
    CompletableFuture<Message> blockAsync(String marker);

    /** Reads the whole stream and returns its length and SHA-256. */
    Digest upload(String name, DataStream data);

    /** Returns a stream of pseudo-random bytes generated from the seed. */
    DataStream download(Generate request);

    /** Returns a large text, to exceed a small maximum frame size. */
    Message large(int characters);

    @Idempotent
    int countCalls();
}
