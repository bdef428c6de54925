package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.instances.ports.PortOwners;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A listening Tentacle's port: who holds it, told apart by the certificate presented in a TLS handshake (this
 * instance's own agent presents this instance's certificate; anything else is another program), then whether its
 * welcome page answers over HTTPS as a browser would see it.
 */
final class ListeningChecks {
    private final TentacleConfiguration configuration;
    private final CertificateIdentity identity;
    private final Commands commands;
    private final Network network;
    private final OperatingSystem os;

    ListeningChecks(TentacleConfiguration configuration, CertificateIdentity identity, Commands commands, Network network,
            OperatingSystem os) {
        this.configuration = configuration;
        this.identity = identity;
        this.commands = commands;
        this.network = network;
        this.os = os;
    }

    private int port() {
        return configuration.listenPort();
    }

    /** Where a local client reaches the agent: loopback when it listens on all addresses, else its one address. */
    private InetSocketAddress localEndpoint() throws IOException, TimeoutException, InterruptedException {
        String address = configuration.listenAddress();
        if (address == null || address.equals("*") || address.equals("0.0.0.0") || address.equals("::")
                || address.equals("[::]")) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }
        return new InetSocketAddress(network.resolve(address).getFirst(), port());
    }

    /** The URL a person opens on this machine: https://localhost:PORT/, or the listen address's. */
    String welcomeUrl() {
        String address = configuration.listenAddress();
        boolean all = address == null || address.equals("*") || address.equals("0.0.0.0") || address.equals("::")
                || address.equals("[::]");
        String host = all ? "localhost" : address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return "https://" + host + ":" + port() + "/";
    }

    Verdict listeningPort() throws InterruptedException {
        InetSocketAddress endpoint;
        try {
            endpoint = localEndpoint();
        } catch (IOException | TimeoutException e) {
            return Verdict.failed("The listen address " + configuration.listenAddress() + " does not resolve on this"
                            + " machine: " + e.getMessage() + ".",
                    "Listen on an address of this machine, or on all of them: "
                            + commands.tentacle("configure", "--listenIpAddress \"*\"") + ".")
                    .blockingRest("the listen address does not resolve");
        }
        Socket socket;
        try {
            socket = network.connect(endpoint);
        } catch (ConnectException e) {
            return portNobodyHolds(endpoint);
        } catch (SocketTimeoutException e) {
            return heldByAnother("Connecting to port " + port() + " timed out: something holds the port but does not"
                    + " accept connections.");
        } catch (IOException e) {
            return Verdict.failed("Could not connect to " + endpoint + ": " + e.getMessage() + ".",
                    "Check the listen address: " + commands.tentacle("show-configuration") + ".");
        }
        try (socket) {
            TlsProbe.Session session = TlsProbe.handshake(socket, "localhost", port(), null);
            session.socket().close();
            CertificateThumbprints presented = CertificateThumbprints.of(session.presented());
            Optional<PortOwners.Owner> owner = owner();
            if (identity == null) {
                return Verdict.warning("A TLS endpoint holds port " + port() + owner.map(o -> ", " + o.describe()).orElse("")
                                + ", presenting the certificate " + InstanceChecks.describe(presented) + ". Whether it is"
                                + " this Tentacle cannot be told, because this instance's certificate did not load.",
                        "Fix the certificate (see the certificate check), then run the checks again.");
            }
            if (presented.sha256().equals(identity.thumbprints().sha256())) {
                return Verdict.passed("Port " + port() + " is held by this Tentacle's agent"
                        + owner.filter(o -> !o.isThisProcess()).map(o -> " (" + o.describe() + ")").orElse("")
                        + ": it presented this instance's certificate, " + presented.sha1() + ", in a TLS handshake.");
            }
            return heldByAnother("Port " + port() + " is held by another program" + owner.map(o -> ", " + o.describe()).orElse("")
                    + ": it speaks TLS but presented the certificate " + InstanceChecks.describe(presented)
                    + ", not this instance's (" + identity.thumbprints().sha1() + "). Another Tentacle instance or an"
                    + " Octopus Server configured with the same port, or this Tentacle still running with the"
                    + " certificate it had before (then restart it: " + commands.tentacle("service", "--restart") + ")?");
        } catch (SocketTimeoutException e) {
            return heldByAnother("Port " + port() + " is held by another program" + owner().map(o -> ", " + o.describe()).orElse("")
                    + ": it accepted a connection but did not answer a TLS handshake within " + network.timeout().toSeconds()
                    + " s, which a Tentacle does at once.");
        } catch (SSLException e) {
            return heldByAnother("Port " + port() + " is held by another program" + owner().map(o -> ", " + o.describe()).orElse("")
                    + ": it does not answer TLS as a Tentacle does (" + plainTextAnswer(endpoint)
                    .map(line -> "it answers plain text: '" + line + "'").orElse(e.getMessage()) + ").");
        } catch (IOException e) {
            return heldByAnother("Port " + port() + " is held by another program" + owner().map(o -> ", " + o.describe()).orElse("")
                    + ": the connection failed during the TLS handshake (" + e.getMessage() + ").");
        }
    }

    private Optional<String> plainTextAnswer(InetSocketAddress endpoint) {
        try {
            return PlainTextProbe.firstLine(network.connect(endpoint), "localhost").map(Printable::quote);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<PortOwners.Owner> owner() {
        return os == OperatingSystem.LINUX ? PortOwners.linux().listenerOf(port()) : Optional.empty();
    }

    private Verdict heldByAnother(String finding) {
        return Verdict.failed(finding,
                "Find the program: " + commands.findListener(port()) + ". A script an earlier agent started can keep"
                        + " the port after the agent ended; stop that program, then start this Tentacle. Or give this"
                        + " Tentacle another port: " + commands.tentacle("configure", "--port PORT")
                        + ", and change the machine's address on the Octopus Server to match.")
                .blockingRest("port " + port() + " is held by another program");
    }

    /** Nothing accepts connections: the port is free, unless this user may not bind it. */
    private Verdict portNobodyHolds(InetSocketAddress endpoint) {
        InetSocketAddress bindAddress = configuration.listenAddress() == null || configuration.listenAddress().equals("*")
                ? new InetSocketAddress(port()) : endpoint;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(bindAddress);
        } catch (BindException e) {
            if (port() < 1024 && os != OperatingSystem.WINDOWS) {
                return Verdict.failed("Nothing listens on port " + port() + ", and this user may not listen on it ("
                                + e.getMessage() + "): ports below 1024 need root.",
                        "Give the Tentacle a port from 1024 up, such as 10933: " + commands.tentacle("configure", "--port 10933")
                                + ", or let it bind low ports (on Linux: the CAP_NET_BIND_SERVICE capability).");
            }
            return Verdict.warning("Nothing accepted a connection at port " + port() + ", but the port cannot be bound"
                            + " either (" + e.getMessage() + "): something holds it without accepting connections.",
                    "Find the program: " + commands.findListener(port()) + ", or give the Tentacle another port: "
                            + commands.tentacle("configure", "--port PORT") + ".");
        } catch (IOException e) {
            return Verdict.warning("Nothing accepted a connection at port " + port() + ", and binding it to check failed: "
                    + e.getMessage() + ".", commands.start());
        }
        return Verdict.warning("Port " + port() + " is free: nothing listens on it, so this Tentacle is not running"
                + " (the agent takes the port when it starts).", commands.start());
    }

    Verdict welcomePage() throws InterruptedException {
        String url = welcomeUrl();
        InetSocketAddress endpoint;
        try {
            endpoint = localEndpoint();
        } catch (IOException | TimeoutException e) {
            return Verdict.failed(url + " cannot be reached: " + e.getMessage(), commands.tentacle("show-configuration"));
        }
        try (Socket socket = network.connect(endpoint)) {
            TlsProbe.Session session = TlsProbe.handshake(socket, "localhost", port(), null);
            try (var tls = session.socket()) {
                WelcomePageProbe.Answer answer = WelcomePageProbe.get(tls, url.substring("https://".length(), url.length() - 1));
                if (answer.isHtmlPage()) {
                    return Verdict.passed(url + " answered " + answer.statusLine() + " with the welcome page"
                            + answer.title().map(t -> " of the '" + t + "'").orElse("") + " (" + session.protocol() + ").");
                }
                return Verdict.failed(url + " answered '" + answer.statusLine() + "' (" + answer.contentType()
                                + "), not the Tentacle's welcome page.",
                        "Another program answers on port " + port() + ": find it with " + commands.findListener(port())
                                + ", stop it, and start this Tentacle.");
            }
        } catch (ConnectException e) {
            return Verdict.failed("Nothing answered at " + url + " (connection refused): this Tentacle is not running,"
                    + " or does not listen on port " + port() + ".", commands.start());
        } catch (SocketTimeoutException e) {
            return Verdict.failed(url + " did not answer within " + network.timeout().toSeconds() + " s.",
                    "The agent may be overloaded or hung: look at its log, and restart it: "
                            + commands.tentacle("service", "--restart") + ".");
        } catch (SSLException e) {
            return Verdict.failed(url + " does not answer TLS as a Tentacle does: " + e.getMessage() + ".",
                    "Another program holds port " + port() + ": find it with " + commands.findListener(port()) + ".");
        } catch (IOException e) {
            return Verdict.failed(url + " failed: " + e.getMessage() + ".",
                    "Restart the Tentacle: " + commands.tentacle("service", "--restart") + ", and look at its log.");
        }
    }
}
