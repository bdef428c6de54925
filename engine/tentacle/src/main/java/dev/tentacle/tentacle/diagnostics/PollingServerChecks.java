package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.probe.TlsProbe;
import dev.tentacle.comms.probe.PlainTextProbe;
import dev.tentacle.comms.probe.PreambleProbe;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.ProxySettings;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateIdentity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * One polled server, in the order the agent meets the problems: its host name resolves (DNS), its polling port
 * accepts TCP (through the polling proxy, when one is set), and it presents the trusted certificate in a TLS
 * handshake and accepts this Tentacle's certificate in the comms preamble. A later check is skipped when an earlier
 * one shows it cannot succeed.
 */
final class PollingServerChecks {
    private final Thumbprint trusted;
    private final String host;
    private final int port;
    private final Optional<ProxySettings> proxy;
    private final CertificateIdentity identity;
    private final Commands commands;
    private final Network network;

    /** The addresses found by {@link #hostName()}, tried in order by {@link #port()}. */
    private List<InetAddress> addresses = List.of();
    /** The address {@link #port()} reached, used by {@link #certificate()}. */
    private InetAddress reached;

    PollingServerChecks(ServiceEndpoint endpoint, CertificateIdentity identity, Commands commands, Network network) {
        this.trusted = endpoint.remoteThumbprint();
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.proxy = endpoint.proxySettings();
        this.identity = identity;
        this.commands = commands;
        this.network = network;
    }

    String target() {
        return host + ":" + port;
    }

    String host() {
        return host;
    }

    private String address() {
        return "https://" + target() + "/";
    }

    Verdict hostName() throws InterruptedException {
        if (Network.isIpLiteral(host)) {
            addresses = resolveQuietly();
            return Verdict.passed(host + " is an IP address: there is no name to look up.");
        }
        try {
            addresses = network.resolve(host);
            return Verdict.passed(host + " resolves to " + addresses.stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", ")) + ".");
        } catch (UnknownHostException e) {
            if (proxy.isPresent()) {
                return Verdict.warning(host + " does not resolve on this machine. Polling goes through the proxy "
                                + proxy.get() + ", which resolves the name itself, so this matters only if the proxy"
                                + " cannot either (see the port check).",
                        "If the server port check fails too, check the name in the polling address ("
                                + commands.tentacle("show-configuration") + ") and the DNS the proxy uses.");
            }
            return Verdict.failed(host + " does not resolve (DNS): " + e.getMessage() + ".", fixName())
                    .blockingRest(host + " does not resolve");
        } catch (TimeoutException e) {
            if (proxy.isPresent()) {
                return Verdict.warning("Looking up " + host + " did not finish within " + network.timeout().toSeconds()
                        + " s on this machine; polling goes through the proxy " + proxy.get() + ", which resolves it itself.",
                        "If the server port check fails too, check this machine's DNS servers.");
            }
            return Verdict.failed("Looking up " + host + " did not finish within " + network.timeout().toSeconds()
                    + " s: the DNS server does not answer.", "Check this machine's DNS settings; " + fixName())
                    .blockingRest("looking up " + host + " timed out");
        }
    }

    private List<InetAddress> resolveQuietly() throws InterruptedException {
        try {
            return network.resolve(host);
        } catch (UnknownHostException | TimeoutException e) {
            return List.of();
        }
    }

    private String fixName() {
        return "Check the spelling of " + host + " in the polling address (" + commands.tentacle("show-configuration")
                + "). Try the server's IP address: if it works and the name does not, fix DNS. To poll another"
                + " address: " + commands.tentacle("configure", "--remove-trust " + trusted) + ", then "
                + commands.tentacle("poll-server", "--server-comms-address HOST --server-comms-port " + port
                + " --thumbprint " + trusted) + ".";
    }

    Verdict port() throws InterruptedException {
        if (proxy.isPresent()) {
            return portThroughProxy(proxy.get());
        }
        List<String> failures = new ArrayList<>();
        boolean refused = false;
        for (InetAddress candidate : addresses) {
            long started = System.nanoTime();
            try (Socket _ = network.connect(new InetSocketAddress(candidate, port))) {
                reached = candidate;
                long millis = (System.nanoTime() - started) / 1_000_000;
                return Verdict.passed("Connected to " + target() + " (" + candidate.getHostAddress() + ") in " + millis + " ms.");
            } catch (ConnectException e) {
                refused = true;
                failures.add(candidate.getHostAddress() + ": connection refused");
            } catch (SocketTimeoutException e) {
                failures.add(candidate.getHostAddress() + ": no answer within " + network.timeout().toSeconds() + " s");
            } catch (NoRouteToHostException e) {
                failures.add(candidate.getHostAddress() + ": no route to host");
            } catch (IOException e) {
                failures.add(candidate.getHostAddress() + ": " + e.getMessage());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        String tried = String.join("; ", failures);
        if (refused) {
            return Verdict.failed("Nothing accepted a connection at " + target() + " (" + tried + ").",
                    "Is the Octopus Server running, and is " + port + " its polling port (octopus-server configure"
                            + " --commsListenPort sets it)? Is a firewall rejecting the connection? From this machine,"
                            + " " + address() + " in a browser should show the server's welcome page.")
                    .blockingRest(target() + " does not accept connections");
        }
        return Verdict.failed("Could not connect to " + target() + " (" + tried + ").",
                "A firewall may be dropping the packets, or the address may be wrong: open port " + port + " from this"
                        + " machine to the server, or, if this machine must use a proxy, set it: "
                        + commands.tentacle("polling-proxy", "--proxyEnable true --proxyHost HOST --proxyPort PORT") + ".")
                .blockingRest(target() + " cannot be reached");
    }

    private Verdict portThroughProxy(ProxySettings settings) throws InterruptedException {
        try (Socket _ = network.tunnel(settings, host, port)) {
            return Verdict.passed("The polling proxy " + settings + " opened a tunnel to " + target() + ".");
        } catch (ProxyTunnel.RefusedException e) {
            return proxyRefused(settings, e).blockingRest("the proxy did not open a tunnel to " + target());
        } catch (IOException | TimeoutException e) {
            return Verdict.failed("Could not reach the polling proxy " + settings + ": " + describe(e) + ".",
                    "See the polling proxy check; set the proxy with "
                            + commands.tentacle("polling-proxy", "--proxyHost HOST --proxyPort PORT")
                            + ", or stop using it: " + commands.tentacle("polling-proxy", "--proxyEnable false") + ".")
                    .blockingRest("the polling proxy cannot be reached");
        }
    }

    private Verdict proxyRefused(ProxySettings settings, ProxyTunnel.RefusedException e) {
        String answered = "The polling proxy " + settings + " answered '" + e.statusLine() + "' when asked to connect to "
                + target();
        return switch (e.status()) {
            case 407 -> Verdict.failed(answered + ": it wants " + (settings.hasCredentials() ? "other" : "")
                            + " credentials.",
                    "Set the user name and password the proxy accepts: " + commands.tentacle("polling-proxy",
                            "--proxyUsername NAME --proxyPassword PASSWORD") + ".");
            case 403, 405 -> Verdict.failed(answered + ": it does not allow this tunnel.",
                    "Ask the proxy's administrators to allow CONNECT to " + target() + " (Tentacle speaks TLS on that"
                            + " port, not HTTP).");
            case 502, 503, 504 -> Verdict.failed(answered + ": the proxy could not reach the server.",
                    "Is the Octopus Server running, and is " + port + " its polling port? Is it reachable from the proxy?");
            default -> Verdict.failed(answered + ".",
                    "Check that " + settings.host() + ":" + settings.port() + " is an HTTP proxy that supports CONNECT: "
                            + commands.tentacle("polling-proxy", "--proxyHost HOST --proxyPort PORT") + ".");
        };
    }

    Verdict certificate() throws InterruptedException {
        if (identity == null) {
            return Verdict.skipped("Not checked: this instance's certificate did not load, and the server can only be"
                    + " asked whether it trusts this Tentacle with it.");
        }
        Socket connected;
        try {
            connected = proxy.isPresent() ? network.tunnel(proxy.get(), host, port)
                    : network.connect(new InetSocketAddress(reached != null ? reached : network.resolve(host).getFirst(), port));
        } catch (IOException | TimeoutException e) {
            return Verdict.failed("Could not connect to " + target() + " again: " + describe(e) + ".",
                    "Run the checks again; if this repeats, the connection is unstable.");
        }
        TlsProbe.Session session;
        try {
            session = TlsProbe.handshake(connected, host, port, identity);
        } catch (SocketTimeoutException e) {
            return Verdict.failed(target() + " accepted the connection but did not complete a TLS handshake within "
                    + network.timeout().toSeconds() + " s.", notTheServer());
        } catch (SSLException e) {
            return notTls(e);
        } catch (IOException e) {
            return Verdict.failed("The TLS handshake with " + target() + " failed: " + e.getMessage() + ".", notTheServer());
        }
        try (var tls = session.socket()) {
            CertificateThumbprints presented = CertificateThumbprints.of(session.presented());
            if (!presented.matches(trusted)) {
                return untrustedServer(presented);
            }
            return preamble(tls, presented);
        } catch (IOException e) {
            return Verdict.failed(target() + " presented the trusted certificate, then failed: " + e.getMessage() + ".",
                    "Run the checks again; look at the Octopus Server's log for this connection.");
        }
    }

    private Verdict preamble(javax.net.ssl.SSLSocket tls, CertificateThumbprints presented) throws IOException {
        String mine = InstanceChecks.describe(identity.thumbprints());
        PreambleProbe.Reply reply;
        try {
            reply = PreambleProbe.identifyAsClient(tls);
        } catch (SSLException e) {
            return serverDistrusts(mine, "it ended the TLS session (" + e.getMessage() + ")");
        } catch (SocketTimeoutException e) {
            return Verdict.failed(target() + " presented the trusted certificate but did not answer the comms preamble"
                    + " within " + network.timeout().toSeconds() + " s.", notTheServer());
        }
        return switch (reply) {
            case PreambleProbe.Reply.Accepted() -> Verdict.passed(target() + " presented the trusted certificate "
                    + InstanceChecks.describe(presented) + " and accepted this Tentacle's certificate.");
            case PreambleProbe.Reply.Rejected(String code, String message) when code.equals("UNTRUSTED_PEER") ->
                    serverDistrusts(mine, "it answered " + code);
            case PreambleProbe.Reply.Rejected(String code, String message) -> Verdict.failed(target()
                    + " refused the connection: " + code + " " + message, "Look at the Octopus Server's log for this"
                    + " connection; see docs/troubleshooting.md for " + code + ".");
            case PreambleProbe.Reply.Unexpected(String line) -> Verdict.failed(target() + " answered '" + Printable.quote(line)
                    + "' to the comms preamble: it presented the trusted certificate but does not speak the comms"
                    + " protocol.", notTheServer());
            case PreambleProbe.Reply.Closed() -> serverDistrusts(mine, "it closed the connection without answering");
        };
    }

    private Verdict serverDistrusts(String mine, String how) {
        return Verdict.failed(target() + " presented the trusted certificate but does not accept this Tentacle's"
                        + " certificate, " + mine + ": " + how + ".",
                "Register this Tentacle with the server: " + commands.tentacle("register-with",
                        "--server URL --apiKey KEY --comms-style TentacleActive") + ", or, on the server, give the"
                        + " machine this thumbprint (" + commands.tentacle("show-thumbprint") + " prints it).");
    }

    private Verdict untrustedServer(CertificateThumbprints presented) {
        return Verdict.failed(target() + " presented the certificate " + InstanceChecks.describe(presented)
                        + ", not the trusted " + trusted + ". Nothing was sent to it.",
                "Compare with what the server shows (octopus-server show-thumbprint). If its certificate was replaced"
                        + " on purpose, trust the new one: " + commands.tentacle("update-trust",
                        "--oldThumbprint " + trusted + " --newThumbprint " + presented.sha256()) + ". If not, the address"
                        + " names another machine, or something in between terminates TLS (SSL offloading), which is"
                        + " not supported: connect to the server directly.");
    }

    private Verdict notTls(SSLException e) throws InterruptedException {
        Optional<String> plainText = plainTextAnswer();
        if (plainText.isPresent()) {
            return Verdict.failed(target() + " does not speak TLS: it answered in plain text ('" + plainText.get()
                    + "'). A proxy, firewall or captive portal answering in the server's place (the original"
                    + " Tentacle's \"unknown identity 'HTTP/1.0'\"), or a web server on that port.", notTheServer());
        }
        return Verdict.failed(target() + " does not answer TLS as an Octopus Server's polling port does ("
                + e.getMessage() + "). Another service on that port, or something in the path that intercepts TLS.",
                notTheServer());
    }

    private Optional<String> plainTextAnswer() throws InterruptedException {
        try {
            Socket connected = proxy.isPresent() ? network.tunnel(proxy.get(), host, port)
                    : network.connect(new InetSocketAddress(reached != null ? reached : network.resolve(host).getFirst(), port));
            return PlainTextProbe.firstLine(connected, host, Printable.MAX).map(Printable::quote);
        } catch (IOException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private String notTheServer() {
        return "Check that " + port + " is the Octopus Server's polling port (octopus-server configure --commsListenPort)"
                + " and that nothing in the path intercepts the connection; if a proxy must be used, set it: "
                + commands.tentacle("polling-proxy", "--proxyEnable true --proxyHost HOST --proxyPort PORT") + ".";
    }

    private static String describe(Exception e) {
        if (e instanceof UnknownHostException) {
            return "the name " + e.getMessage() + " does not resolve";
        }
        if (e instanceof TimeoutException) {
            return "no answer in time";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
