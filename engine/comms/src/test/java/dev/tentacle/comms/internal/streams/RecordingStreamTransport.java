package dev.tentacle.comms.internal.streams;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link StreamTransport} that records every call, in order, for streams tested without a connection. */
final class RecordingStreamTransport implements StreamTransport {
    sealed interface Event permits Data, End, Window, Closed {
    }

    record Data(StreamKey key, byte[] bytes) implements Event {
    }

    record End(StreamKey key, int status, String detail) implements Event {
    }

    record Window(StreamKey key, long credit) implements Event {
    }

    record Closed(StreamKey key, boolean incoming) implements Event {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void sendData(StreamKey key, byte[] bytes, int length) {
        // The sender reuses its buffer, so keep a copy of what was sent.
        events.add(new Data(key, Arrays.copyOf(bytes, length)));
    }

    @Override
    public void sendEnd(StreamKey key, int status, String detail) {
        events.add(new End(key, status, detail));
    }

    @Override
    public void sendWindow(StreamKey key, long credit) {
        events.add(new Window(key, credit));
    }

    @Override
    public void streamClosed(StreamKey key, boolean incoming) {
        events.add(new Closed(key, incoming));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    <T extends Event> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Long> windows() {
        return eventsOf(Window.class).stream().map(Window::credit).toList();
    }

    List<Integer> chunkSizes() {
        return eventsOf(Data.class).stream().map(d -> d.bytes().length).toList();
    }

    int dataCount() {
        return eventsOf(Data.class).size();
    }

    long bytesSent() {
        return eventsOf(Data.class).stream().mapToLong(d -> d.bytes().length).sum();
    }

    byte[] dataSent() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        eventsOf(Data.class).forEach(d -> all.writeBytes(d.bytes()));
        return all.toByteArray();
    }
}
