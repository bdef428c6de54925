package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.framing.Frame;
import dev.tentacle.comms.internal.framing.FrameType;
import dev.tentacle.comms.internal.rpc.OutgoingCall;
import dev.tentacle.comms.internal.rpc.RpcCodec;
import dev.tentacle.comms.internal.rpc.ServiceRegistry;
import dev.tentacle.comms.internal.streams.StreamKey;
import dev.tentacle.comms.internal.streams.StreamPayloads;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One authenticated, multiplexed connection. Either side may call the other: the side that opened the TCP
 * connection numbers its requests with odd ids, the side that accepted it with even ids. Frames arrive on the
 * connection's I/O thread; services run on virtual threads.
 */
public final class Connection {
    private static final long LINGER_AFTER_ERROR_MILLIS = 2_000;

    private final Channel channel;
    private final RpcCodec codec;
    private final CommsOptions settings;
    private final ServiceRegistry services;
    private final ExecutorService workers;
    private final CertificateThumbprints peer;
    private final AtomicLong nextId;
    private final AtomicLong nextPing = new AtomicLong(1);
    private final Map<Long, OutgoingCall> pending = new ConcurrentHashMap<>();
    /** Threads running calls from the peer, by request id, so a CANCEL can interrupt them. */
    private final Map<Long, Thread> serving = new ConcurrentHashMap<>();
    private final ConnectionStreams streams;
    private final Map<Long, CompletableFuture<Void>> pings = new ConcurrentHashMap<>();
    private final List<Consumer<CommsException>> closeListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<CommsException> closed = new CompletableFuture<>();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile CommsException closeReason;

    public Connection(Channel channel, boolean initiator, CertificateThumbprints peer, RpcCodec codec,
            CommsOptions settings, ServiceRegistry services, ExecutorService workers) {
        this.channel = channel;
        this.peer = peer;
        this.codec = codec;
        this.settings = settings;
        this.services = services;
        this.workers = workers;
        this.nextId = new AtomicLong(initiator ? 1 : 2);
        this.streams = new ConnectionStreams(channel, settings, workers, this::closeWithError, this::touch);
    }

    public CertificateThumbprints peer() {
        return peer;
    }

    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    /** False once the connection is closing, even while it lingers to deliver a final error. */
    public boolean isOpen() {
        return channel.isActive() && !closed.isDone() && closeReason == null;
    }

    /** Calls in flight that this side started. */
    public int inFlight() {
        return pending.size();
    }

    public long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    public void onClose(Consumer<CommsException> listener) {
        closeListeners.add(listener);
        if (closed.isDone()) {
            listener.accept(closed.join());
        }
    }

    // ---- calls this side makes

    public CompletableFuture<Object> call(OutgoingCall call) {
        if (!isOpen()) {
            call.result().completeExceptionally(lostException());
            return call.result();
        }
        CommsException tooLarge = checkSize(call.request(), call.description() + ": the request");
        if (tooLarge != null) {
            call.result().completeExceptionally(tooLarge);
            return call.result();
        }
        long id = nextId.getAndAdd(2);
        pending.put(id, call);
        call.result().whenComplete((value, failure) -> {
            if (pending.remove(id) != null && call.result().isCancelled()) {
                cancelOnWire(id);
            }
        });
        touch();
        channel.writeAndFlush(new Frame(FrameType.REQUEST, id, Unpooled.wrappedBuffer(call.request().json())));
        streams.start(id, call.request().streams());
        if (!channel.isActive()) {
            call.result().completeExceptionally(lostException());
        }
        return call.result();
    }

    private void cancelOnWire(long id) {
        write(Frame.cancel(id));
        streams.endCall(id, "the call was cancelled");
    }

    /** Sends a heartbeat and completes when the peer answers. */
    public CompletableFuture<Void> ping(long timeout, TimeUnit unit) {
        long nonce = nextPing.getAndIncrement();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        pings.put(nonce, answer);
        write(Frame.ping(nonce));
        return answer.orTimeout(timeout, unit).whenComplete((v, e) -> pings.remove(nonce));
    }

    public void close(CommsException reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        channel.close();
    }

    /**
     * Sends a connection-level error to the peer, then closes. The close waits a moment (or until the peer hangs up
     * on reading the error): closing at once, with the rest of a rejected frame unread, would make the kernel reset
     * the connection, and a reset can destroy the error before the peer reads it.
     */
    public void closeWithError(CommsException reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        if (channel.isActive()) {
            channel.writeAndFlush(new Frame(FrameType.ERROR, 0, Unpooled.wrappedBuffer(codec.encodeError(reason.code(), reason.getMessage()))))
                    .addListener(f -> channel.eventLoop().schedule(() -> channel.close(), LINGER_AFTER_ERROR_MILLIS, TimeUnit.MILLISECONDS));
        } else {
            channel.close();
        }
    }

    // ---- frames from the peer (I/O thread)

    void onFrame(Frame frame) {
        touch();
        ByteBuf payload = frame.payload();
        try {
            switch (frame.type()) {
                case REQUEST -> onRequest(frame.id(), ByteBufUtil.getBytes(payload));
                case RESPONSE -> onResponse(frame.id(), ByteBufUtil.getBytes(payload));
                case ERROR -> onError(frame.id(), ByteBufUtil.getBytes(payload));
                case CANCEL -> onCancel(frame.id());
                case STREAM_DATA -> streams.onData(frame.id(), payload.retain());
                case STREAM_END -> streams.onEnd(frame.id(), StreamPayloads.readEnd(payload));
                case STREAM_WINDOW -> streams.onWindow(frame.id(), StreamPayloads.readWindow(payload));
                case PING -> write(Frame.pong(frame.id()));
                case PONG -> {
                    CompletableFuture<Void> answer = pings.remove(frame.id());
                    if (answer != null) {
                        answer.complete(null);
                    }
                }
            }
        } finally {
            payload.release();
        }
    }

    private void onRequest(long id, byte[] json) {
        if (services == null || services.isEmpty()) {
            sendError(id, new CommsException(ErrorCode.SERVICE_NOT_FOUND, "This side hosts no services on this connection."));
            return;
        }
        ServiceRegistry.Target target;
        Object[] args;
        List<StreamKey> argumentStreams = new CopyOnWriteArrayList<>();
        try {
            RpcCodec.Request request = codec.decodeRequest(json);
            target = services.resolve(request.service(), request.method());
            args = codec.readArguments(target.method(), request.args(), (index, length) -> {
                StreamKey key = new StreamKey(id, index);
                argumentStreams.add(key);
                return streams.openIncoming(key, length);
            });
        } catch (CommsException e) {
            sendError(id, e);
            return;
        }
        workers.execute(() -> serve(id, target, args, argumentStreams));
    }

    private void serve(long id, ServiceRegistry.Target target, Object[] args, List<StreamKey> argumentStreams) {
        serving.put(id, Thread.currentThread());
        try {
            RpcCodec.Encoded response = encodeResult(target, args);
            if (serving.remove(id) != null && !Thread.interrupted()) {
                write(new Frame(FrameType.RESPONSE, id, Unpooled.wrappedBuffer(response.json())));
                streams.start(id, response.streams());
            }
        } catch (CommsException e) {
            // Only answer a call that is still wanted: a cancelled one was already forgotten by the caller.
            if (serving.remove(id) != null) {
                sendError(id, e);
            }
        } finally {
            serving.remove(id);
            streams.abandonUnopened(argumentStreams);
        }
    }

    private RpcCodec.Encoded encodeResult(ServiceRegistry.Target target, Object[] args) {
        Object result = ServiceInvoker.invoke(target, args);
        RpcCodec.Encoded response = codec.encodeResponse(result);
        CommsException tooLarge = checkSize(response, "The result of " + target.contract().name() + "." + target.method().getName());
        if (tooLarge != null) {
            throw tooLarge;
        }
        return response;
    }

    private void onResponse(long id, byte[] json) {
        OutgoingCall call = pending.get(id);
        if (call == null) {
            return; // cancelled or timed out on this side
        }
        Object value;
        try {
            value = codec.decodeResponse(json, call.resultType(), (index, length) -> streams.openIncoming(new StreamKey(id, index), length));
        } catch (CommsException e) {
            call.result().completeExceptionally(e);
            return;
        }
        call.result().complete(value);
    }

    private void onError(long id, byte[] json) {
        CommsException error = codec.decodeError(json);
        if (id == 0) {
            close(new CommsException(error.code(), "The peer closed the connection: " + error.getMessage()));
            return;
        }
        OutgoingCall call = pending.get(id);
        if (call != null) {
            call.result().completeExceptionally(error);
        }
    }

    private void onCancel(long id) {
        Thread thread = serving.remove(id);
        if (thread != null) {
            thread.interrupt();
        }
        streams.endCall(id, "the caller cancelled the call");
    }

    /** The channel closed: everything in flight fails with the reason. Called once, on the I/O thread. */
    void onClosed() {
        CommsException reason = closeReason != null ? closeReason : lostException();
        closed.complete(reason);
        pending.values().forEach(call -> call.result().completeExceptionally(reason));
        pending.clear();
        serving.values().forEach(Thread::interrupt);
        serving.clear();
        streams.closeAll(reason.getMessage());
        pings.values().forEach(p -> p.completeExceptionally(reason));
        closeListeners.forEach(listener -> listener.accept(reason));
    }

    void recordCloseReason(CommsException reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    // ---- helpers

    private CommsException checkSize(RpcCodec.Encoded message, String what) {
        long frameLength = message.json().length + (long) Frame.HEADER_SIZE;
        if (frameLength <= settings.maxFrameSize()) {
            return null;
        }
        return new CommsException(ErrorCode.FRAME_TOO_LARGE, what + " needs a frame of " + frameLength
                + " bytes, over the maximum frame size of " + settings.maxFrameSize() + " bytes. Send large payloads as a "
                + "DataStream, which travels in chunks, or raise CommsOptions.maxFrameSize on both sides.");
    }

    private void sendError(long id, CommsException error) {
        write(new Frame(FrameType.ERROR, id, Unpooled.wrappedBuffer(codec.encodeError(error.code(), error.getMessage()))));
    }

    private void write(Frame frame) {
        Frames.write(channel, frame);
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }

    private CommsException lostException() {
        CommsException reason = closeReason;
        if (reason != null) {
            return reason;
        }
        return new CommsException(ErrorCode.CONNECTION_LOST, "The connection to " + channel.remoteAddress()
                + " closed before the call completed. Check the network between the two machines; the call can be retried.");
    }
}
