package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code show-configuration}: the instance's settings, with passwords masked. */
@Command(name = "show-configuration",
        header = "Shows the instance's configuration, passwords masked.",
        sortOptions = false,
        description = "Shows the instance's configuration. Passwords are never shown, only whether one is set.")
final class ShowConfigurationCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    FormatOption format;

    /**
     * The configuration as printed.
     *
     * @param listenAddress the one address listened on; null for all addresses
     */
    record View(String instance, String configFile, String homeDirectory, String applicationDirectory, int listenPort,
            String listenAddress, boolean noListen, List<TrustedServerView> trustedServers, int pollingConnectionCount,
            ProxyView proxy, ProxyView pollingProxy, CertificateView certificate) {
    }

    /** @param password {@value ProxyView#MASK} when the file has a password, else null */
    record CertificateView(String file, String password) {
        static CertificateView of(CertificateLocation location) {
            return location == null ? null
                    : new CertificateView(location.file().toString(), location.password() == null ? null : ProxyView.MASK);
        }
    }

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        TentacleConfiguration c = target.configuration();
        var view = new View(target.name(), target.configFile().toString(), c.homeDirectory().toString(),
                c.applicationDirectory().toString(), c.listenPort(), c.listenAddress(), c.noListen(),
                c.trustedServers().stream().map(TrustedServerView::of).toList(), c.pollingConnectionCount(),
                ProxyView.of(c.proxy()), ProxyView.of(c.pollingProxy()), CertificateView.of(c.certificate()));
        printer(format).print(view, out -> printText(out, target, c));
        return 0;
    }

    private static void printText(PrintWriter out, TentacleInstance target, TentacleConfiguration c) {
        row(out, "Instance", target.name());
        row(out, "Configuration file", target.configFile().toString());
        row(out, "Home directory", c.homeDirectory().toString());
        row(out, "Application directory", c.applicationDirectory().toString());
        row(out, "Listening", c.noListen() ? "no (--noListen); port " + c.listenPort() + " is not opened"
                : "on port " + c.listenPort() + (c.listenAddress() == null ? " (all addresses)" : " at " + c.listenAddress()));
        row(out, "Trusted servers", c.trustedServers().isEmpty() ? "none" : "");
        c.trustedServers().forEach(server -> out.println("  " + TrustedServerView.describe(server)));
        row(out, "Polling connections", Integer.toString(c.pollingConnectionCount()));
        row(out, "Proxy", c.proxy().toString());
        row(out, "Polling proxy", c.pollingProxy().toString());
        row(out, "Certificate", c.certificate() == null ? "none (create one with tentacle new-certificate)"
                : c.certificate().toString());
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(((label + ":" + " ".repeat(24)).substring(0, 24) + value).stripTrailing());
    }
}
