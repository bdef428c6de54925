package dev.tentacle.comms.retry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** Draws from the calling thread's {@link ThreadLocalRandom}, so one retrying caller can be shared between threads. */
final class ThreadLocalRandomGenerator implements RandomGenerator {

    static final ThreadLocalRandomGenerator INSTANCE = new ThreadLocalRandomGenerator();

    private ThreadLocalRandomGenerator() {
    }

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long origin, long bound) {
        return ThreadLocalRandom.current().nextLong(origin, bound);
    }
}
