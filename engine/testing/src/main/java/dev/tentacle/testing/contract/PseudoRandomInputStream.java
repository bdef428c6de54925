package dev.tentacle.testing.contract;

import java.io.InputStream;
import java.util.SplittableRandom;

/** A repeatable stream of pseudo-random bytes of a given length, generated on the fly (never held in memory). */
public final class PseudoRandomInputStream extends InputStream {
    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    public PseudoRandomInputStream(long length, long seed) {
        this.remaining = length;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        if (remaining <= 0) {
            return -1;
        }
        remaining--;
        return nextByte();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) nextByte();
        }
        remaining -= n;
        return n;
    }

    private int nextByte() {
        if (wordBytes == 0) {
            word = random.nextLong();
            wordBytes = 8;
        }
        int value = (int) (word & 0xFF);
        word >>>= 8;
        wordBytes--;
        return value;
    }

    /** The SHA-256 that a stream of this length and seed has; computed by generating it once more. */
    public static EchoService.Digest expectedDigest(long length, long seed) {
        try {
            return EchoServiceImpl.digest(new PseudoRandomInputStream(length, seed));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
