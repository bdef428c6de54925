package dev.tentacle.instances.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.comms.certificates.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a store leaves on disk: which files, with which permissions, after many and concurrent writes. */
class ConfigurationStoreFilesTest {
    @TempDir
    Path directory;

    private final ConfigurationStore<TentacleConfiguration> store = TentacleConfiguration.store();

    @Test
    void repeatedWritesLeaveOnlyTheFileItsBackupAndItsLock() throws IOException {
        Path file = directory.resolve("Tentacle.config.json");

        for (int port = 10000; port < 10010; port++) {
            store.write(file, TentacleConfiguration.defaults(directory).withListenPort(port));
        }

        assertThat(names()).containsExactly("Tentacle.config.json", "Tentacle.config.json.bak", "Tentacle.config.json.lock");
        assertThat(store.read(file).listenPort()).isEqualTo(10009);
        assertThat(store.read(ConfigurationStore.backupOf(file)).listenPort()).isEqualTo(10008);
    }

    @Test
    void theFileAndItsBackupAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(OwnerOnlyFiles.supportsPosix(directory), "needs POSIX permissions");
        Path file = directory.resolve("Tentacle.config.json");
        TentacleConfiguration withPassword = TentacleConfiguration.defaults(directory)
                .withProxy(ProxyConfiguration.of("proxy", 3128).withCredentials("user", "password"));

        store.write(file, withPassword);
        store.write(file, withPassword.withListenPort(2));

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(ConfigurationStore.backupOf(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatWasReadableByOthersBecomesOwnerOnlyWhenWritten() throws IOException {
        assumeTrue(OwnerOnlyFiles.supportsPosix(directory), "needs POSIX permissions");
        Path file = directory.resolve("Tentacle.config.json");
        store.write(file, TentacleConfiguration.defaults(directory));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store.update(file, c -> c.withListenPort(3));

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void concurrentUpdatesAreAllKept() throws Exception {
        Path file = directory.resolve("Tentacle.config.json");
        store.write(file, TentacleConfiguration.defaults(directory).withPollingConnectionCount(1));
        int updates = 40;
        var start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < updates; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return store.update(file, c -> c.withPollingConnectionCount(c.pollingConnectionCount() + 1));
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(store.read(file).pollingConnectionCount()).isEqualTo(1 + updates);
        assertThat(names()).noneMatch(name -> name.endsWith(OwnerOnlyFiles.TEMP_SUFFIX));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndKept() throws IOException {
        Path real = directory.resolve("elsewhere/real.json");
        store.write(real, TentacleConfiguration.defaults(directory));
        Path link = directory.resolve("Tentacle.config.json");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }

        store.update(link, c -> c.withListenPort(4000));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(store.read(real).listenPort()).isEqualTo(4000);
        assertThat(ConfigurationStore.backupOf(real)).isRegularFile();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
