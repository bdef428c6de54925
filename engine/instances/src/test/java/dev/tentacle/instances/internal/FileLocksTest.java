package dev.tentacle.instances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {
    @TempDir
    Path directory;

    @Test
    void readModifyWriteCyclesOnOneFileDoNotInterleave() throws Exception {
        Path counter = directory.resolve("counter");
        Files.writeString(counter, "0");
        int threads = 8;
        int incrementsEach = 25;
        var start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsEach; i++) {
                        FileLocks.withLock(counter, () -> {
                            int value = Integer.parseInt(Files.readString(counter));
                            Thread.yield();
                            Files.writeString(counter, Integer.toString(value + 1));
                            return null;
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(counter).hasContent(Integer.toString(threads * incrementsEach));
    }

    @Test
    void theLockFileSitsBesideTheTargetAndTheResultIsReturned() throws Exception {
        Path target = directory.resolve("sub/instances.json");

        String result = FileLocks.withLock(target, () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(directory.resolve("sub/instances.json" + FileLocks.LOCK_SUFFIX)).exists();
        assertThat(target).doesNotExist();
    }
}
