package dev.tentacle.tentacle.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.contracts.capabilities.DiskSpace;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceProbeTest {
    @TempDir
    Path home;

    @Test
    void measuresTheVolumeOfTheDirectory() throws IOException {
        Path work = Files.createDirectories(home.resolve("Work"));
        FileStore store = Files.getFileStore(work);

        DiskSpace disk = new DiskSpaceProbe(work).get();

        assertThat(disk.path()).isEqualTo(work.toAbsolutePath().normalize().toString());
        assertThat(disk.totalBytes()).isEqualTo(store.getTotalSpace());
        assertThat(disk.freeBytes()).isPositive().isLessThanOrEqualTo(store.getTotalSpace());
    }

    @Test
    void aDirectoryThatIsGoneIsMeasuredOnTheVolumeItWillBeCreatedOn() throws IOException {
        Path work = home.resolve("Work");

        DiskSpace disk = new DiskSpaceProbe(work).get();

        assertThat(disk.path()).isEqualTo(work.toAbsolutePath().normalize().toString());
        assertThat(disk.totalBytes()).isEqualTo(Files.getFileStore(home).getTotalSpace());
        assertThat(work).doesNotExist();
    }

    @Test
    void aVolumeThatCannotBeReadGivesNull() {
        DiskSpaceProbe probe = new DiskSpaceProbe(home, path -> {
            throw new IOException("Input/output error reading the volume of " + path);
        });

        assertThat(probe.get()).isNull();
    }

    @Test
    void aVolumeThatReportsNonsenseGivesNull() {
        DiskSpaceProbe probe = new DiskSpaceProbe(home, path -> new FileStoreReporting(-1, -1));

        assertThat(probe.get()).isNull();
    }

    /** A volume whose driver answers with whatever numbers it is given. */
    private static final class FileStoreReporting extends FileStore {
        private final long usable;
        private final long total;

        FileStoreReporting(long usable, long total) {
            this.usable = usable;
            this.total = total;
        }

        @Override
        public long getUsableSpace() {
            return usable;
        }

        @Override
        public long getTotalSpace() {
            return total;
        }

        @Override
        public long getUnallocatedSpace() {
            return usable;
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String type() {
            return "broken";
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }

        @Override
        public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
            return false;
        }

        @Override
        public boolean supportsFileAttributeView(String name) {
            return false;
        }

        @Override
        public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
            return null;
        }

        @Override
        public Object getAttribute(String attribute) {
            throw new UnsupportedOperationException(attribute);
        }
    }
}
