package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.DiskSpace;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the volume that holds a directory, afresh on every call. While the directory does not exist (an operator
 * removed the whole Work directory, say) it measures the nearest existing parent, the volume the directory will be
 * created on again. A volume that cannot be read gives null, logged, never an exception: a health check must still
 * get the rest of the agent's answer.
 */
public final class DiskSpaceProbe implements Supplier<DiskSpace> {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceProbe.class);

    /** Finds the volume of a path; {@link Files#getFileStore} outside tests. */
    @FunctionalInterface
    interface FileStores {
        FileStore of(Path path) throws IOException;
    }

    private final Path directory;
    private final FileStores fileStores;

    public DiskSpaceProbe(Path directory) {
        this(directory, Files::getFileStore);
    }

    DiskSpaceProbe(Path directory, FileStores fileStores) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.fileStores = Objects.requireNonNull(fileStores, "fileStores");
    }

    /** The directory's volume now, or null when it cannot be read. */
    @Override
    public DiskSpace get() {
        try {
            Path existing = directory;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                LOG.warn("Cannot report free disk space: neither {} nor any of its parents exists", directory);
                return null;
            }
            FileStore store = fileStores.of(existing);
            return new DiskSpace(directory.toString(), store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot report free disk space of the volume holding {}: {}", directory, e.toString());
            return null;
        }
    }
}
