package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.CertificateStoreException;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.tentacle.capabilities.DiskSpaceProbe;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The checks that need no network: the configuration file, the certificate, whom the instance trusts, and the free
 * space of its Work directory. The first two run before the others, which need what they load.
 */
final class InstanceChecks {
    private final TentacleInstance instance;
    private final Commands commands;

    private TentacleConfiguration configuration;
    private CertificateIdentity identity;

    InstanceChecks(TentacleInstance instance, Commands commands) {
        this.instance = instance;
        this.commands = commands;
    }

    /** The configuration, once {@link #configuration()} passed; else null. */
    TentacleConfiguration loadedConfiguration() {
        return configuration;
    }

    /** The certificate, once {@link #certificate()} passed (or warned); else null. */
    CertificateIdentity loadedIdentity() {
        return identity;
    }

    Verdict configuration() {
        Path file = instance.configFile();
        try {
            configuration = instance.configuration();
        } catch (ConfigurationException e) {
            return Verdict.failed(e.getMessage(), configurationAdvice(e));
        }
        TentacleConfiguration c = configuration;
        String listening = c.noListen() ? "does not listen" : "listens on port " + c.listenPort()
                + (c.listenAddress() == null ? "" : " at " + c.listenAddress());
        int polled = c.pollingServers().size();
        return Verdict.passed("Read " + file + ": the instance " + listening + ", trusts " + (c.trustedServers().isEmpty() ? "no server" : count(c.trustedServers().size(), "server"))
                + " and polls " + (polled == 0 ? "none" : count(polled, "server")) + ".");
    }

    private String configurationAdvice(ConfigurationException e) {
        Path file = e.file();
        Path backup = ConfigurationStore.backupOf(file);
        return switch (e.reason()) {
            case MISSING -> "The instance is registered but its configuration file is gone. Create it again with "
                    + commands.tentacle("create-instance", "--config " + quoted(file)) + " and configure it, or"
                    + " remove the registration with " + commands.tentacle("delete-instance") + ".";
            case UNREADABLE -> "Run the check as the user that owns " + file + " (with sudo, or as Administrator for an"
                    + " instance set up system-wide).";
            case NEWER_VERSION -> "Use the version of Tentacle that wrote the file, or upgrade this one.";
            default -> "Correct the file where the message says" + (Files.exists(backup)
                    ? ", or put back the previous version, " + backup + ", which was kept when the file was last written"
                    : "") + "; then run the check again.";
        };
    }

    Verdict certificate() {
        if (configuration.certificate() == null) {
            return Verdict.failed("The instance has no certificate yet, so it cannot prove who it is to any server.",
                    "Create one: " + commands.tentacle("new-certificate") + ", or import one: "
                            + commands.tentacle("import-certificate", "--from-file FILE.pfx")
                            + ". Then give the Octopus Server its thumbprint (" + commands.tentacle("show-thumbprint") + ").");
        }
        Path file = configuration.certificate().file();
        try {
            identity = instance.identity(configuration);
        } catch (CertificateStoreException e) {
            return Verdict.failed("The certificate " + file + " cannot be loaded: " + e.getMessage(),
                    "Put back the file (or its backup, " + file + ".bak, if the certificate was replaced by mistake),"
                            + " or import the original: " + commands.tentacle("import-certificate", "--from-file FILE.pfx")
                            + ". A new certificate (" + commands.tentacle("new-certificate") + ") has a new thumbprint,"
                            + " which every Octopus Server must then trust anew.");
        }
        X509Certificate certificate = identity.certificate();
        String found = "Loaded " + file + ": " + certificate.getSubjectX500Principal().getName() + ", thumbprint "
                + describe(identity.thumbprints()) + ".";
        try {
            certificate.checkValidity(new Date());
        } catch (CertificateExpiredException e) {
            return Verdict.warning(found + " It expired on " + certificate.getNotAfter().toInstant() + ".",
                    "Octopus Servers trust it by thumbprint, so it still works, but tools that check dates will refuse"
                            + " it. Replace it when convenient: " + commands.tentacle("new-certificate")
                            + ", and give every server the new thumbprint.");
        } catch (CertificateNotYetValidException e) {
            return Verdict.warning(found + " It is valid only from " + certificate.getNotBefore().toInstant()
                            + ": this machine's clock may be wrong.",
                    "Check the date and time of this machine; servers trust the certificate by thumbprint, so it"
                            + " works, but a wrong clock breaks other things.");
        }
        return Verdict.passed(found);
    }

    Verdict trustedServers() {
        List<TrustedServer> trusted = configuration.trustedServers();
        if (configuration.noListen() && configuration.pollingServers().isEmpty()) {
            return Verdict.failed("The instance does not listen and polls no server: no Octopus Server can reach it.",
                    "Poll a server: " + commands.tentacle("poll-server",
                            "--server-comms-address HOST --thumbprint SERVER-THUMBPRINT")
                            + " (or register with it: " + commands.tentacle("register-with",
                            "--server URL --apiKey KEY --comms-style TentacleActive") + "), or listen again: "
                            + commands.tentacle("configure", "--noListen false") + ".");
        }
        if (trusted.isEmpty()) {
            return Verdict.failed("The instance trusts no Octopus Server, so it refuses every connection to port "
                    + configuration.listenPort() + ".",
                    "Trust the server's thumbprint (octopus-server show-thumbprint prints it): "
                            + commands.tentacle("configure", "--trust SERVER-THUMBPRINT")
                            + ", or register with the server: " + commands.tentacle("register-with",
                            "--server URL --apiKey KEY") + ". Then restart it: " + commands.tentacle("service", "--restart") + ".");
        }
        String servers = trusted.stream().map(InstanceChecks::describe).collect(Collectors.joining("; "));
        return Verdict.passed("Trusts " + count(trusted.size(), "server") + ": " + servers + ".");
    }

    private static String describe(TrustedServer server) {
        return server.thumbprint() + (server.isPolling() ? " (polled at " + server.address() + ")" : " (connects to this Tentacle)");
    }

    Verdict diskSpace(long minimumFreeBytes) {
        Path work = configuration.homeDirectory().resolve(TentacleServices.WORK_DIRECTORY);
        DiskSpace space = new DiskSpaceProbe(work).get();
        if (space == null) {
            return Verdict.warning("The free space of the volume that holds " + work + " cannot be read.",
                    "Check that " + configuration.homeDirectory() + " exists and is readable by the user the Tentacle"
                            + " runs as; set the home directory with " + commands.tentacle("configure", "--home DIR") + ".");
        }
        String found = bytes(space.freeBytes()) + " free of " + bytes(space.totalBytes()) + " on the volume that holds "
                + space.path() + ".";
        if (space.freeBytes() < minimumFreeBytes) {
            return Verdict.failed("Only " + found + " The Octopus Server's health check marks a machine with less than "
                    + bytes(minimumFreeBytes) + " free as unhealthy, and scripts and uploads fail when the volume fills.",
                    "Free space on that volume: delete old deployments under " + configuration.applicationDirectory()
                            + " and old logs, or move the home to a larger volume: "
                            + commands.tentacle("configure", "--home DIR") + ".");
        }
        return Verdict.passed(found);
    }

    static String describe(CertificateThumbprints thumbprints) {
        return thumbprints.sha1() + " (SHA-256: " + thumbprints.sha256() + ")";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** 1.5 GiB, 512 MiB, 12 bytes. */
    static String bytes(long value) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (value < 1024) {
            return value + " bytes";
        }
        double scaled = value;
        int unit = -1;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, scaled >= 100 ? "%.0f %s" : "%.1f %s", scaled, units[unit]);
    }

    private static String quoted(Path path) {
        String text = path.toString();
        return text.contains(" ") ? '"' + text + '"' : text;
    }
}
