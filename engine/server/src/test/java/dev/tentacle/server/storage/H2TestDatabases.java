package dev.tentacle.server.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** H2 file databases, each in its own directory under a test's temporary directory. */
final class H2TestDatabases implements TestDatabases {

    private final Path root;
    private final AtomicInteger count = new AtomicInteger();

    H2TestDatabases(Path root) {
        this.root = root;
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    public StorageConfiguration newDatabase() {
        return StorageConfiguration.h2In(root.resolve("database-" + count.incrementAndGet()), null, null)
                .withConnectionTimeout(Duration.ofSeconds(2));
    }
}
