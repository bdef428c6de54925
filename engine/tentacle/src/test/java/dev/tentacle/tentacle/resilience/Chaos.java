package dev.tentacle.tentacle.resilience;

import dev.tentacle.testing.net.PortForwarder;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks the network between the two sides at random until stopped: kills every connection, black-holes them for a
 * moment, or adds latency. Seeded, so a failing run can be replayed. Bounded: it stops by itself after a maximum
 * number of disruptions.
 */
final class Chaos implements AutoCloseable {
    private static final int MAX_DISRUPTIONS = 2_000;

    private final PortForwarder network;
    private final SplittableRandom random;
    private final Thread thread;
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger pauses = new AtomicInteger();
    private final AtomicInteger delays = new AtomicInteger();
    private volatile boolean running = true;

    Chaos(PortForwarder network, long seed) {
        this.network = network;
        this.random = new SplittableRandom(seed);
        this.thread = Thread.ofVirtual().name("chaos").start(this::run);
    }

    private void run() {
        try {
            for (int i = 0; i < MAX_DISRUPTIONS && running; i++) {
                Thread.sleep(100 + random.nextInt(300));
                int pick = random.nextInt(100);
                if (pick < 50) {
                    network.killAll();
                    kills.incrementAndGet();
                } else if (pick < 75) {
                    network.pause();
                    pauses.incrementAndGet();
                    Thread.sleep(200 + random.nextInt(500));
                    network.resume();
                } else {
                    network.setDelay(Duration.ofMillis(random.nextInt(30)));
                    delays.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            network.resume();
            network.setDelay(Duration.ZERO);
        }
    }

    int kills() {
        return kills.get();
    }

    int pauses() {
        return pauses.get();
    }

    int disruptions() {
        return kills.get() + pauses.get() + delays.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
