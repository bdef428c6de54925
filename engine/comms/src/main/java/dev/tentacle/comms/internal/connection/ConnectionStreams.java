package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.framing.Frame;
import dev.tentacle.comms.internal.framing.FrameType;
import dev.tentacle.comms.internal.streams.IncomingStream;
import dev.tentacle.comms.internal.streams.OutgoingStream;
import dev.tentacle.comms.internal.streams.StreamKey;
import dev.tentacle.comms.internal.streams.StreamPayloads;
import dev.tentacle.comms.internal.streams.StreamTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The streams of one connection: the receiving ends it opened for announced streams, and the senders it runs for
 * streams it announced. Routes stream frames to them and sends theirs.
 */
final class ConnectionStreams implements StreamTransport {
    private final Channel channel;
    private final CommsOptions settings;
    private final ExecutorService workers;
    private final Consumer<CommsException> onViolation;
    private final Runnable onActivity;
    private final Map<StreamKey, IncomingStream> incoming = new ConcurrentHashMap<>();
    private final Map<StreamKey, OutgoingStream> outgoing = new ConcurrentHashMap<>();

    ConnectionStreams(Channel channel, CommsOptions settings, ExecutorService workers, Consumer<CommsException> onViolation,
            Runnable onActivity) {
        this.channel = channel;
        this.settings = settings;
        this.workers = workers;
        this.onViolation = onViolation;
        this.onActivity = onActivity;
    }

    /** The receiving end of a stream announced in a message from the peer. */
    DataStream openIncoming(StreamKey key, long length) {
        IncomingStream stream = new IncomingStream(key, length, settings.streamWindowSize(), this);
        incoming.put(key, stream);
        return stream.asDataStream();
    }

    /** Starts sending the streams announced in a message this side just wrote. */
    void start(long requestId, List<DataStream> streams) {
        for (int index = 0; index < streams.size(); index++) {
            StreamKey key = new StreamKey(requestId, index);
            OutgoingStream sender = new OutgoingStream(key, streams.get(index), settings.streamWindowSize(),
                    settings.streamChunkSize(), this);
            outgoing.put(key, sender);
            workers.execute(sender);
        }
    }

    /** The call ended early (cancelled): stop its senders and fail its receivers. */
    void endCall(long requestId, String reason) {
        outgoing.forEach((key, sender) -> {
            if (key.requestId() == requestId) {
                sender.stop(reason);
            }
        });
        incoming.forEach((key, stream) -> {
            if (key.requestId() == requestId) {
                stream.fail("The call ended: " + reason + ".");
            }
        });
    }

    /** A service returned without reading some of its argument streams: tell their senders to stop. */
    void abandonUnopened(List<StreamKey> keys) {
        for (StreamKey key : keys) {
            IncomingStream stream = incoming.get(key);
            if (stream != null) {
                stream.abandonIfUnopened();
            }
        }
    }

    void closeAll(String reason) {
        incoming.values().forEach(stream -> stream.fail("The connection closed: " + reason));
        outgoing.values().forEach(sender -> sender.stop("the connection closed"));
    }

    // ---- frames from the peer (I/O thread)

    void onData(long requestId, ByteBuf payload) {
        int index = StreamPayloads.readDataIndex(payload);
        IncomingStream stream = incoming.get(new StreamKey(requestId, index));
        if (stream == null) {
            payload.release(); // abandoned or cancelled: drop late data
            return;
        }
        if (!stream.onData(payload)) {
            onViolation.accept(new CommsException(ErrorCode.PROTOCOL_ERROR, "The peer sent more stream data than the window it was granted."));
        }
    }

    void onEnd(long requestId, StreamPayloads.End end) {
        StreamKey key = new StreamKey(requestId, end.index());
        if (end.status() == StreamPayloads.STATUS_ABANDONED) {
            OutgoingStream sender = outgoing.get(key);
            if (sender != null) {
                sender.stop("the reader abandoned the stream");
            }
            return;
        }
        IncomingStream stream = incoming.get(key);
        if (stream != null) {
            stream.onEnd(end.status(), end.detail());
        }
    }

    void onWindow(long requestId, StreamPayloads.Window window) {
        OutgoingStream sender = outgoing.get(new StreamKey(requestId, window.index()));
        if (sender != null) {
            sender.grant(window.credit());
        }
    }

    // ---- StreamTransport: what the streams send

    @Override
    public void sendData(StreamKey key, byte[] bytes, int length) {
        onActivity.run();
        Frames.write(channel, new Frame(FrameType.STREAM_DATA, key.requestId(), StreamPayloads.data(channel.alloc(), key.index(), bytes, length)));
    }

    @Override
    public void sendEnd(StreamKey key, int status, String detail) {
        Frames.write(channel, new Frame(FrameType.STREAM_END, key.requestId(), StreamPayloads.end(channel.alloc(), key.index(), status, detail)));
    }

    @Override
    public void sendWindow(StreamKey key, long credit) {
        Frames.write(channel, new Frame(FrameType.STREAM_WINDOW, key.requestId(), StreamPayloads.window(channel.alloc(), key.index(), credit)));
    }

    @Override
    public void streamClosed(StreamKey key, boolean isIncoming) {
        if (isIncoming) {
            incoming.remove(key);
        } else {
            outgoing.remove(key);
        }
    }
}
