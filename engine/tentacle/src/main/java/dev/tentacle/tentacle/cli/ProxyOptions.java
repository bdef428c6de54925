package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.TrueOrFalse;
import dev.tentacle.instances.cli.PortNumbers;
import dev.tentacle.instances.config.ProxyConfiguration;
import picocli.CommandLine.Option;

/** The options of {@code proxy} and {@code polling-proxy}, named as in Octopus Tentacle. */
public final class ProxyOptions {
    @Option(names = "--proxyEnable", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Whether to use the proxy. A disabled proxy keeps its host and credentials.")
    String enableText;

    @Option(names = "--proxyHost", paramLabel = "HOST", description = "The HTTP CONNECT proxy's host name or IP address.")
    String host;

    @Option(names = "--proxyPort", paramLabel = "PORT", description = "The proxy's port.")
    Integer port;

    @Option(names = "--proxyUsername", paramLabel = "NAME",
            description = "User name for the proxy's Basic authentication; '' for none.")
    String username;

    @Option(names = "--proxyPassword", paramLabel = "PASSWORD", description = "Its password; '' for none.")
    String password;

    /**
     * The proxy after applying the options given to {@code current}.
     *
     * @param purpose what the proxy is for, in messages: "proxy", "polling proxy"
     * @throws IllegalArgumentException when no option is given, the port is out of range, or an enabled proxy would
     *     lack a host or port
     */
    ProxyConfiguration applyTo(ProxyConfiguration current, String purpose) {
        Boolean enable = TrueOrFalse.parse("--proxyEnable", enableText);
        if (enable == null && host == null && port == null && username == null && password == null) {
            throw new IllegalArgumentException("Nothing to change: give --proxyEnable true|false, --proxyHost,"
                    + " --proxyPort, --proxyUsername or --proxyPassword.");
        }
        boolean enabled = enable != null ? enable : current.enabled();
        String newHost = host != null ? host : current.host();
        int newPort = port != null ? PortNumbers.require("--proxyPort", port) : current.port();
        if (enabled && (newHost == null || newHost.isBlank())) {
            throw new IllegalArgumentException("The " + purpose + " needs --proxyHost (and --proxyPort) to be enabled;"
                    + " using the operating system's default proxy is not supported.");
        }
        if (enabled && newPort == 0) {
            throw new IllegalArgumentException("The " + purpose + " needs --proxyPort to be enabled.");
        }
        return new ProxyConfiguration(enabled, newHost, newPort, username != null ? username : current.username(),
                password != null ? password : current.password());
    }
}
