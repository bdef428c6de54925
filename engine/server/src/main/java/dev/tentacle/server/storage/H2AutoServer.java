package dev.tentacle.server.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}) private to this machine and to the database's owner.
 *
 * <p>The first process to open such a database starts a TCP server for the others, on a random port, and writes the
 * port and a random key into {@code octopus.lock.db} beside the database; a client must present that key. H2 binds
 * that server to every address unless the {@code h2.bindAddress} system property says otherwise, so before H2 is
 * first used this sets it to the loopback address (an explicit setting is kept). And it creates a missing database
 * directory readable by its owner only, so that other users of the machine can read neither the key nor the file.
 */
final class H2AutoServer {
    private static final Logger LOG = LoggerFactory.getLogger(H2AutoServer.class);
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";
    private static final String FILE_URL_PREFIX = "jdbc:h2:file:";

    private H2AutoServer() {
    }

    /** Prepares for opening {@code configuration}; does nothing unless it is an H2 database with AUTO_SERVER on. */
    static void prepare(StorageConfiguration configuration) {
        if (configuration.kind() != DatabaseKind.H2 || !sharesFile(configuration.jdbcUrl())) {
            return;
        }
        keepOnLoopback();
        databaseDirectory(configuration.jdbcUrl()).ifPresent(H2AutoServer::createOwnerOnly);
    }

    /** Whether the URL turns AUTO_SERVER on. */
    static boolean sharesFile(String jdbcUrl) {
        String[] parts = jdbcUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip().toUpperCase(Locale.ROOT).replace(" ", "");
            if (part.equals("AUTO_SERVER=TRUE")) {
                return true;
            }
        }
        return false;
    }

    private static synchronized void keepOnLoopback() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
        }
        // H2 reads the property once, when its SysProperties class loads: too late if H2 was used before.
        String effective = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (effective == null || effective.isBlank()) {
            LOG.warn("H2 was loaded before the Octopus Server storage, so its database server for other processes "
                    + "(AUTO_SERVER) listens on every address, protected by the key in the database's lock file. Start "
                    + "Java with -D{}={} to keep it on this machine", BIND_ADDRESS_PROPERTY, LOOPBACK);
        }
    }

    /** The directory of a {@code jdbc:h2:file:} database, or empty for any other form. */
    static Optional<Path> databaseDirectory(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, FILE_URL_PREFIX, 0, FILE_URL_PREFIX.length())) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(FILE_URL_PREFIX.length());
        int end = rest.indexOf(';');
        String file = end < 0 ? rest : rest.substring(0, end);
        try {
            Path parent = Path.of(file).getParent();
            return parent != null && parent.isAbsolute() ? Optional.of(parent) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static void createOwnerOnly(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process made it first.
        } catch (IOException e) {
            // H2 tries to create it too, and its failure becomes the storage error that says what to check.
            LOG.debug("Could not create the database directory {}: {}", directory, e.toString());
        }
    }
}
