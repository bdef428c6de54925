package dev.tentacle.comms.retry;

import java.util.random.RandomGenerator;

/** Randomness pinned to one end of every requested range, so backoff delays are predictable in tests. */
enum ExtremeRandom implements RandomGenerator {
    /** Always the origin: the backoff floor. */
    LOWEST {
        @Override
        public long nextLong(long origin, long bound) {
            return origin;
        }
    },
    /** Always the largest value below the bound: the backoff cap. */
    HIGHEST {
        @Override
        public long nextLong(long origin, long bound) {
            return bound - 1;
        }
    };

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("Backoff must ask for a bounded value (nextLong(origin, bound))");
    }
}
