package dev.tentacle.instances.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tentacle.instances.config.ConfigurationException.Reason;
import dev.tentacle.comms.certificates.OwnerOnlyFiles;
import dev.tentacle.instances.internal.FileLocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads and writes one record type as a JSON file, safely.
 *
 * <ul>
 *   <li>Writes are atomic (temporary file, fsync, rename) and owner-only, because configuration holds passwords.</li>
 *   <li>Each write that changes a file first saves the previous version as {@code FILE.bak}.</li>
 *   <li>A file that cannot be read is never overwritten: the write fails and says why.</li>
 *   <li>Reads ignore unknown fields, so a file written by a newer version with more fields still loads; the file
 *       carries {@code "version": 1}, and a higher version is refused rather than misread.</li>
 *   <li>Every failure is a {@link ConfigurationException} naming the file, where in it the problem is, and what to do.</li>
 *   <li>Read-modify-write cycles ({@link #update}, {@link #updateOrCreate}) and writes are serialised between threads
 *       and processes by a lock on {@code FILE.lock}.</li>
 *   <li>A file that is a symbolic link is written through the link: the link stays, its target is replaced.</li>
 * </ul>
 *
 * <p>The record's own constructor validates values; a value it rejects is reported as {@link Reason#INVALID_VALUE}
 * with the constructor's message. The record must not have a component named {@code version}.
 *
 * @param <T> the record type
 */
public final class ConfigurationStore<T> {
    /** The format version written to every file, and the highest this version reads. */
    public static final int FORMAT_VERSION = 1;
    /** Name of the format version field. */
    public static final String VERSION_FIELD = "version";
    /** Suffix of the previous version kept beside each file. */
    public static final String BACKUP_SUFFIX = ".bak";
    /** Larger files are refused unread: no configuration comes near this size. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private static final ObjectMapper MAPPER = ConfigurationJson.mapper();

    private final Class<T> type;
    private final String documentName;
    private final String recoveryHint;

    private ConfigurationStore(Class<T> type, String documentName, String recoveryHint) {
        this.type = Objects.requireNonNull(type, "type");
        this.documentName = Objects.requireNonNull(documentName, "documentName");
        this.recoveryHint = Objects.requireNonNull(recoveryHint, "recoveryHint");
    }

    /**
     * A store for {@code type}.
     *
     * @param documentName what the file is, as it should appear in messages: "Tentacle configuration file"
     */
    public static <T> ConfigurationStore<T> of(Class<T> type, String documentName) {
        return new ConfigurationStore<>(type, documentName, "");
    }

    /**
     * A copy whose messages about a missing or damaged file end with this advice, such as how to set the instance up
     * again when no good copy exists.
     */
    public ConfigurationStore<T> withRecoveryHint(String hint) {
        return new ConfigurationStore<>(type, documentName, hint == null ? "" : hint.strip());
    }

    /** Where the previous version of {@code file} is kept. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }

    /**
     * Reads the file.
     *
     * @throws ConfigurationException when it is missing, unreadable, not valid JSON, or holds an invalid value
     */
    public T read(Path file) {
        return parse(file, readBytes(file), () -> advice(file));
    }

    /** Reads the file if it exists; every other problem still throws. */
    public Optional<T> readIfExists(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Replaces the file's content with {@code value}, keeping the previous version as {@code FILE.bak}. Creates
     * missing parent directories. Writes nothing when the content would not change.
     *
     * @throws ConfigurationException when the existing file cannot be read (it is then left alone), or the write fails
     */
    public void write(Path file, T value) {
        Objects.requireNonNull(value, "value");
        byte[] content = serialize(value);
        Path target = FileBytes.throughLinks(file);
        locked(target, () -> {
            byte[] previous = Files.exists(target) ? readForOverwrite(target) : null;
            replace(target, previous, content);
            return value;
        });
    }

    /**
     * Reads the file, applies {@code change}, and writes the result, holding the file's lock throughout.
     *
     * @return the value written
     * @throws ConfigurationException as {@link #read} and {@link #write} do
     */
    public T update(Path file, UnaryOperator<T> change) {
        return updateOrCreate(file, null, change);
    }

    /**
     * As {@link #update}, but a missing file starts from {@code initial}.
     *
     * @param initial the starting value for a missing file; null to treat a missing file as an error
     */
    public T updateOrCreate(Path file, Supplier<T> initial, UnaryOperator<T> change) {
        Objects.requireNonNull(change, "change");
        Path target = FileBytes.throughLinks(file);
        return locked(target, () -> {
            byte[] previous = null;
            T current;
            if (initial != null && !Files.exists(target)) {
                current = initial.get();
            } else {
                previous = readBytes(target);
                current = parse(target, previous, () -> advice(target));
            }
            T changed = Objects.requireNonNull(change.apply(current), "the change returned null");
            replace(target, previous, serialize(changed));
            return changed;
        });
    }

    /** The JSON this store would write for {@code value}: pretty-printed, version first, nulls left out. */
    String toJson(T value) {
        return new String(serialize(value), StandardCharsets.UTF_8);
    }

    private void replace(Path file, byte[] previous, byte[] content) throws IOException {
        if (previous != null && Arrays.equals(previous, content)) {
            return;
        }
        if (previous != null) {
            Files.createDirectories(backupOf(file).toAbsolutePath().getParent());
            OwnerOnlyFiles.writeAtomically(backupOf(file), previous);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        OwnerOnlyFiles.writeAtomically(file, content);
    }

    private byte[] readForOverwrite(Path file) {
        byte[] previous;
        try {
            previous = readBytes(file);
            parse(file, previous, () -> advice(file));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(file, e.reason(), "Nothing was written, because the existing file could"
                    + " not be read and would have been lost. " + e.getMessage() + " Then run the command again.", e);
        }
        return previous;
    }

    private T parse(Path file, byte[] bytes, Supplier<String> advice) {
        var problems = new JsonProblems(file, documentName, advice);
        if (FileBytes.isBlank(bytes)) {
            throw new ConfigurationException(file, Reason.EMPTY, "The " + documentName + " " + file + " "
                    + FileBytes.describeBlank(bytes) + ". " + advice.get());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw problems.syntax((JacksonException) e, bytes);
        }
        if (!tree.isObject()) {
            throw new ConfigurationException(file, Reason.WRONG_TYPE, "The " + documentName + " " + file
                    + " holds a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " where an object in braces { } belongs. " + advice.get());
        }
        checkVersion(file, tree.get(VERSION_FIELD), advice);
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonMappingException e) {
            throw problems.binding(e);
        } catch (IOException e) {
            throw problems.syntax((JacksonException) e, bytes);
        }
    }

    private void checkVersion(Path file, JsonNode version, Supplier<String> advice) {
        if (version == null) {
            return;
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new ConfigurationException(file, Reason.WRONG_TYPE, "The " + documentName + " " + file + " has \""
                    + VERSION_FIELD + "\": " + version + "; it should be a whole number such as " + FORMAT_VERSION + ". " + advice.get());
        }
        if (version.intValue() > FORMAT_VERSION) {
            throw new ConfigurationException(file, Reason.NEWER_VERSION, "The " + documentName + " " + file
                    + " is in format version " + version.intValue() + ", written by a newer version of this software;"
                    + " this version reads format " + FORMAT_VERSION + " and did not change the file. Upgrade this"
                    + " installation to the version that wrote it.");
        }
    }

    private byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigurationException(file, Reason.UNREADABLE, "The " + documentName + " " + file
                        + " is a directory, not a file. Point the configuration at the JSON file inside it, or move the directory aside.");
            }
            if (Files.exists(file) && Files.size(file) > MAX_FILE_SIZE) {
                throw new ConfigurationException(file, Reason.UNREADABLE, "The " + documentName + " " + file + " is "
                        + Files.size(file) + " bytes, far larger than any configuration file; it is not one, or it is"
                        + " damaged. " + advice(file));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ConfigurationFailures.readFailure(file, documentName, e, missingAdvice(file));
        }
    }

    private <R> R locked(Path file, FileLocks.LockedWork<R> work) {
        try {
            return FileLocks.withLock(file, work);
        } catch (IOException e) {
            throw ConfigurationFailures.writeFailure(file, documentName, e);
        }
    }

    private byte[] serialize(T value) {
        ObjectNode body = MAPPER.valueToTree(value);
        ObjectNode document = MAPPER.createObjectNode().put(VERSION_FIELD, FORMAT_VERSION);
        body.remove(VERSION_FIELD);
        document.setAll(body);
        try {
            byte[] json = MAPPER.writeValueAsBytes(document);
            byte[] withNewline = Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (JacksonException e) {
            throw new IllegalStateException("Could not write " + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** What to do about a damaged file: restore the backup if it is good, otherwise the store's recovery hint. */
    private String advice(Path file) {
        Path backup = backupOf(file);
        String restore = isGood(backup)
                ? "Fix it by hand, or restore the previous good version by copying " + backup + " over it."
                : "Fix it by hand (no good previous version exists in " + backup + ").";
        return recoveryHint.isEmpty() ? restore : restore + " " + recoveryHint;
    }

    private String missingAdvice(Path file) {
        Path backup = backupOf(file);
        String restore = isGood(backup) ? "A previous good version exists: copy " + backup + " to " + file + " to restore it." : "";
        return (restore + " " + recoveryHint).strip();
    }

    private boolean isGood(Path file) {
        try {
            parse(file, Files.readAllBytes(file), () -> "");
            return true;
        } catch (IOException | ConfigurationException e) {
            return false;
        }
    }
}
