package dev.tentacle.installers.debian;

import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A built .deb, read with {@code dpkg-deb}: its control fields ({@code -f}), the files it holds ({@code -c}), its
 * maintainer scripts ({@code -I}), and its contents extracted into a directory ({@code -x}). The package tests and
 * the start-up benchmark use it.
 */
public final class DebArchive {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path file;

    private DebArchive(Path file) {
        this.file = file;
    }

    /**
     * A .deb file.
     *
     * @throws PackagingException when there is no such file
     */
    public static DebArchive of(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new PackagingException("There is no .deb at " + file + ". Build it first: ./mvnw -B package -pl"
                    + " installers/tentacle -am -DskipTests");
        }
        return new DebArchive(file);
    }

    public Path file() {
        return file;
    }

    /** One entry of {@code dpkg-deb -c}: {@code mode owner/group size date time path [-> target]}. */
    public record Entry(String mode, String owner, long size, String path, Optional<String> linkTarget) {
        /** True for a regular file ({@code -rwx...}). */
        public boolean isFile() {
            return mode.startsWith("-");
        }

        /** True for a symbolic link. */
        public boolean isLink() {
            return mode.startsWith("l");
        }

        /** True when the owner may execute it. */
        public boolean isExecutable() {
            return mode.length() > 3 && mode.charAt(3) == 'x';
        }
    }

    /** The control fields, as {@code dpkg-deb -f} prints them; continuation lines joined with newlines. */
    public Map<String, String> controlFields() {
        var fields = new LinkedHashMap<String, String>();
        String current = null;
        for (String line : dpkgDeb("-f", file.toString()).lines().toList()) {
            if (line.startsWith(" ") && current != null) {
                fields.merge(current, "\n" + line.substring(1), String::concat);
            } else if (line.contains(":")) {
                current = line.substring(0, line.indexOf(':'));
                fields.put(current, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }

    /** {@code dpkg-deb -I}: the package's size, its control archive's members (control, postinst, ...) and fields. */
    public String info() {
        return dpkgDeb("-I", file.toString());
    }

    /** The text of one control member, such as {@code postinst}. */
    public String controlMember(String name) {
        return dpkgDeb("-I", file.toString(), name);
    }

    /** The files the package holds, {@code dpkg-deb -c}, with paths starting {@code /}. */
    public List<Entry> contents() {
        return dpkgDeb("-c", file.toString()).lines().filter(line -> !line.isBlank()).map(DebArchive::entry).toList();
    }

    static Entry entry(String line) {
        // -rwxr-xr-x root/root      1234 2025-01-01 12:00 ./opt/tentacle/bin/tentacle
        String[] parts = line.strip().split("\\s+", 6);
        if (parts.length < 6) {
            throw new PackagingException("Unexpected line in dpkg-deb -c output: " + line);
        }
        String rest = parts[5];
        Optional<String> target = Optional.empty();
        int arrow = rest.indexOf(" -> ");
        if (arrow >= 0) {
            target = Optional.of(rest.substring(arrow + 4));
            rest = rest.substring(0, arrow);
        }
        String path = rest.startsWith("./") ? rest.substring(1) : rest;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Entry(parts[0], parts[1], Long.parseLong(parts[2]), path, target);
    }

    /** Extracts the files (not the control archive) into a directory, {@code dpkg-deb -x}. */
    public void extractTo(Path directory) {
        dpkgDeb("-x", file.toString(), directory.toString());
    }

    private String dpkgDeb(String... arguments) {
        var command = new java.util.ArrayList<String>();
        command.add("dpkg-deb");
        command.addAll(List.of(arguments));
        return Processes.run(command, file.toAbsolutePath().getParent(), Map.of(), TIMEOUT)
                .requireSuccess("reading " + file.getFileName()).stdout();
    }
}
