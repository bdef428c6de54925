package dev.tentacle.installers;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of package the tool builds, each on the OS that has its tools. */
public enum PackageType {
    /** Debian and Ubuntu: {@code dpkg-deb}. */
    DEB("deb"),
    /** Red Hat, Fedora, SUSE: {@code rpmbuild}. */
    RPM("rpm"),
    /** Windows Installer: jpackage with WiX. */
    MSI("msi"),
    /** macOS installer package: jpackage with {@code pkgbuild}. */
    PKG("pkg"),
    /** macOS disk image: jpackage with {@code hdiutil}. */
    DMG("dmg");

    private final String extension;

    PackageType(String extension) {
        this.extension = extension;
    }

    /** The file extension, which is also the name used in {@code --types}. */
    public String extension() {
        return extension;
    }

    /** True for the two Linux types, which the tool assembles itself from the app image. */
    public boolean isLinux() {
        return this == DEB || this == RPM;
    }

    /**
     * The types in a comma-separated list such as {@code deb,rpm}; {@code none} or an empty text is no type.
     *
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    public static Set<PackageType> parseList(String text) {
        Set<PackageType> types = EnumSet.noneOf(PackageType.class);
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return types;
        }
        for (String item : trimmed.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            types.add(java.util.Arrays.stream(values()).filter(t -> t.extension.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown package type '" + item.strip()
                            + "' in --types " + text + ": use deb, rpm, msi, pkg or dmg, separated by commas,"
                            + " or none.")));
        }
        return types;
    }
}
