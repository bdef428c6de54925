package dev.tentacle.comms.internal.rpc;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;

/**
 * One call on its way to a peer: the encoded request, the streams that follow it, the type to read the result
 * as, and the future the caller waits on. Cancelling the future cancels the call on the wire.
 */
public record OutgoingCall(String description, RpcCodec.Encoded request, Type resultType, CompletableFuture<Object> result) {
    public static OutgoingCall of(String description, RpcCodec.Encoded request, Type resultType) {
        return new OutgoingCall(description, request, resultType, new CompletableFuture<>());
    }
}
