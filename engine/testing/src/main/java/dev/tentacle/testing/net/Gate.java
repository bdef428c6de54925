package dev.tentacle.testing.net;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Open lets bytes through; closed holds them back until it opens again. Thread-safe. */
final class Gate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private boolean open = true;

    void open() {
        lock.lock();
        try {
            open = true;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            open = false;
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the gate is open; ends early with InterruptedException when the connection is torn down. */
    void awaitOpen() throws InterruptedException {
        lock.lock();
        try {
            while (!open) {
                opened.await();
            }
        } finally {
            lock.unlock();
        }
    }
}
