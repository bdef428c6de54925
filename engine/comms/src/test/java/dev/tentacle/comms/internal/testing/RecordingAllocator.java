package dev.tentacle.comms.internal.testing;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * Hands out heap buffers that cannot grow by themselves, so every enlargement (for example of a decoder's
 * cumulation buffer) comes back here and is measured.
 */
public final class RecordingAllocator extends AbstractByteBufAllocator {
    private int largestRequest;
    private long totalRequested;

    public RecordingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        record(initialCapacity);
        return new UnpooledHeapByteBuf(this, initialCapacity, initialCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private void record(int capacity) {
        largestRequest = Math.max(largestRequest, capacity);
        totalRequested += capacity;
    }

    /** The largest single buffer handed out, in bytes. */
    public int largestRequest() {
        return largestRequest;
    }

    public long totalRequested() {
        return totalRequested;
    }
}
