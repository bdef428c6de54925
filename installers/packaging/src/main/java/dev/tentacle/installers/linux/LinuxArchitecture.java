package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackagingException;
import java.util.Locale;

/** The machine's processor, as Debian and RPM name it. The packages contain a native runtime for this one only. */
public record LinuxArchitecture(String debian, String rpm) {
    /** The processor this JVM runs on. */
    public static LinuxArchitecture current() {
        return of(System.getProperty("os.arch"));
    }

    /**
     * The names for a Java {@code os.arch}.
     *
     * @throws PackagingException for a processor the packages are not built for
     */
    static LinuxArchitecture of(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> new LinuxArchitecture("amd64", "x86_64");
            case "aarch64", "arm64" -> new LinuxArchitecture("arm64", "aarch64");
            default -> throw new PackagingException("Linux packages are built for x86_64 and aarch64; this machine is "
                    + javaArch + ".");
        };
    }
}
