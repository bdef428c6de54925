package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.certificates.CertificateStoreException;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.machines.HealthProblem;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The troubleshooting hint for each way a health check fails, after the Tentacle troubleshooting guide: which side's
 * trust is missing, DNS against the IP address, nothing listening or another process on the port, a proxy or firewall
 * answering, TLS terminated in the path or without a common version, timeouts and firewalls, low disk space. The
 * Octopus Server Manager shows them beside each failed machine and {@code octopus-server health-check} prints them.
 *
 * <p>Hints name the machine's host, port and registered thumbprint, and this server's thumbprints and polling port,
 * when they are known; otherwise placeholders such as {@code PORT}.
 */
public final class HealthHints {
    private final CertificateThumbprints server;
    private final int pollingPort;

    /**
     * @param server this server's certificate thumbprints, or null when it has no certificate yet
     * @param pollingPort the port this server listens on for polling Tentacles
     */
    public HealthHints(CertificateThumbprints server, int pollingPort) {
        this.server = server;
        this.pollingPort = pollingPort;
    }

    /** Hints that know nothing of the server: its thumbprint and polling port appear as placeholders. */
    public static HealthHints generic() {
        return new HealthHints(null, ServiceEndpoint.DEFAULT_POLLING_PORT);
    }

    /**
     * Hints for a server instance: its thumbprints (when it has a certificate that loads) and polling port. Reading
     * them never fails: what cannot be read is left as a placeholder.
     */
    public static HealthHints forInstance(ServerInstance instance) {
        Objects.requireNonNull(instance, "instance");
        ServerConfiguration configuration;
        try {
            configuration = instance.configuration();
        } catch (ConfigurationException e) {
            return generic();
        }
        CertificateThumbprints thumbprints;
        try {
            thumbprints = instance.certificates().load(configuration).thumbprints();
        } catch (CertificateStoreException e) {
            thumbprints = null;
        }
        return new HealthHints(thumbprints, configuration.commsListenPort());
    }

    /** The hints for what a result says is wrong: none when the machine is healthy. */
    public List<HealthHint> forResult(Machine machine, HealthCheckResult result) {
        Objects.requireNonNull(result, "result");
        return HealthProblem.of(result).stream().map(problem -> hint(problem, machine)).toList();
    }

    /**
     * The hint for a reason that names a problem in brackets (a task part's failure reason, a line of a health check
     * task's log); empty when it names none.
     *
     * @param machine the machine the reason is about, or null when unknown
     */
    public Optional<HealthHint> forReason(Machine machine, String reason) {
        HealthProblem problem = HealthProblem.ofReason(reason);
        return problem == HealthProblem.OTHER ? Optional.empty() : Optional.of(hint(problem, machine));
    }

    /**
     * The hint for a problem.
     *
     * @param machine the machine that has it, or null when unknown
     */
    public HealthHint hint(HealthProblem problem, Machine machine) {
        Objects.requireNonNull(problem, "problem");
        Target target = Target.of(machine, pollingPort);
        return switch (problem) {
            case TENTACLE_NOT_TRUSTED -> new HealthHint(problem, "This server does not trust the Tentacle's certificate",
                    tentacleNotTrusted(target));
            case SERVER_NOT_TRUSTED -> new HealthHint(problem, "The Tentacle does not trust this server's certificate",
                    serverNotTrusted(target));
            case UNTRUSTED_PEER -> new HealthHint(problem, "A certificate was not trusted",
                    "Check the thumbprints both ways. " + tentacleNotTrusted(target) + " Then: "
                            + serverNotTrusted(target));
            case DNS_FAILURE -> new HealthHint(problem, "The host name " + target.host() + " does not resolve",
                    "Try the IP address instead: open https://IP-ADDRESS:" + target.port() + "/ in a browser on this"
                            + " server (cancel any prompt for a certificate). If the IP address works and the name does"
                            + " not, DNS is the problem: fix the name's DNS record or this server's resolver, or register"
                            + " the machine by its IP address.");
            case CONNECTION_REFUSED -> new HealthHint(problem, "Nothing is listening at " + target.address(),
                    nothingListening(target));
            case PROTOCOL_ERROR -> new HealthHint(problem, "Something other than a Tentacle answers at "
                    + target.address(), "Another program holds port " + target.port() + " on that machine, or the"
                            + " address or port is wrong. On the Tentacle machine, find the program with "
                            + portOwnerCommands(target) + "; stop it, or move the Tentacle to a free port (tentacle"
                            + " configure --instance NAME --port PORT) and register the machine here with that port."
                            + " Listening Tentacles use 10933 by default; 10943 is the server's polling port.");
            case PROXY_OR_FIREWALL_IN_PATH -> new HealthHint(problem, "A proxy or firewall answered instead of the"
                    + " Tentacle", "An HTTP response arrived where the Tentacle's reply belongs (the original's"
                            + " \"unknown identity 'HTTP/1.0'\"): a proxy, a firewall that inserts a block page or a"
                            + " captive portal sits between this server and " + target.address() + ". Make the"
                            + " connection direct, or let port " + target.port() + " through that device; if a proxy"
                            + " must be used, configure it as an HTTP CONNECT proxy. Check that the address is not a"
                            + " web server's.");
            case PLAIN_HTTP_TO_TLS_PORT -> new HealthHint(problem, "Plain HTTP reached the comms port",
                    "Something in the path turned the TLS connection into plain HTTP. Comms must be TLS from end to"
                            + " end: remove the device that rewrites it, or connect directly to " + target.address()
                            + ".");
            case TLS_HANDSHAKE_FAILED -> new HealthHint(problem, "TLS was broken or terminated on the way",
                    "SSL offloading and TLS-terminating proxies or load balancers are not supported: the TLS"
                            + " connection between this server and the Tentacle must be end to end. Open https://"
                            + target.address() + "/ in a browser on this server: the Tentacle's welcome page should"
                            + " appear, with a certificate whose thumbprint is " + target.thumbprint() + ". If another"
                            + " certificate or page appears, something in the path answers for the Tentacle.");
            case TLS_VERSION_MISMATCH -> new HealthHint(problem, "No TLS version in common",
                    "The Tentacle's machine offers only TLS older than 1.2; this server speaks TLS 1.2 and 1.3. Enable"
                            + " TLS 1.2 or 1.3 there (on older Windows, install the TLS 1.2 updates and enable strong"
                            + " cryptography for .NET), or upgrade the Tentacle.");
            case TIMEOUT -> new HealthHint(problem, "Connecting to " + target.address() + " timed out",
                    timeout(target));
            case PRE_AUTHENTICATION_TIMEOUT -> new HealthHint(problem, "The connection stalled before it was"
                    + " authenticated", "Something in the path holds the connection open without answering, or the"
                            + " Tentacle is overloaded. " + timeout(target));
            case CONNECTION_LOST -> new HealthHint(problem, "The connection broke during the check",
                    "The network between the machines is unstable, a NAT or firewall closes idle connections, or the"
                            + " Tentacle restarted. Check the machine again; if it keeps happening, look at the network"
                            + " path and the Tentacle's log.");
            case PICKUP_TIMEOUT -> new HealthHint(problem, "The polling Tentacle did not collect the request",
                    pollingNotConnected());
            case PROXY_FAILED -> new HealthHint(problem, "The proxy did not open a tunnel",
                    "Check the proxy's address and credentials, and that it allows CONNECT to port " + target.port()
                            + ".");
            case VERSION_MISMATCH -> new HealthHint(problem, "The Tentacle is a version this server cannot talk to",
                    "The two sides do not share a service, method or message shape: upgrade the older side.");
            case SERVICE_FAILED -> new HealthHint(problem, "The Tentacle reported a failure",
                    "The reason is the Tentacle's own message; read it, and the Tentacle's log on its machine.");
            case NOT_CHECKED -> new HealthHint(problem, "The check did not finish",
                    "It was cancelled, or the server was stopping. Check the machine again.");
            case NO_SCRIPT_SERVICE -> new HealthHint(problem, "The Tentacle cannot run scripts",
                    "It answered but hosts no script service, so deployments and scripts fail on it. Upgrade or"
                            + " reinstall the Tentacle.");
            case LOW_DISK_SPACE -> new HealthHint(problem, "Low disk space on the Tentacle",
                    "Scripts and file uploads fail when the volume that holds the Tentacle's Work directory is full."
                            + " Free space on that volume, or clean the Work directory of workspaces and logs left by"
                            + " scripts that no longer run.");
            case OTHER -> new HealthHint(problem, "See the reason",
                    "The reason says what happened. Restart the Tentacle service (and this server's) and check again;"
                            + " if it persists, follow docs/troubleshooting.md.");
        };
    }

    private String tentacleNotTrusted(Target target) {
        return "The Tentacle at " + target.address() + " presented a certificate whose thumbprint is not the one"
                + " registered for " + target.name() + " (" + target.thumbprint() + "). On the Tentacle machine,"
                + " compare its own thumbprint (shown in bold in Tentacle Manager, or: tentacle show-thumbprint"
                + " --instance NAME) with the registered one. If its certificate was replaced on purpose, remove the"
                + " machine and add it again with the new thumbprint; if not, another Tentacle answers at that address:"
                + " check the host and port.";
    }

    private String serverNotTrusted(Target target) {
        String thumbprint = server == null ? "SERVER-THUMBPRINT (octopus-server show-thumbprint)"
                : server.sha1() + " (SHA-1; the SHA-256 form " + server.sha256() + " works too)";
        String how = target.polling()
                ? "tentacle poll-server --instance NAME --server-comms-address https://THIS-SERVER:" + pollingPort
                        + "/ --thumbprint "
                : "tentacle configure --instance NAME --trust ";
        return "Add this server's thumbprint " + thumbprint + " to the Tentacle's trusted servers: on the Tentacle"
                + " machine, " + how + (server == null ? "SERVER-THUMBPRINT" : server.sha1().hex()) + ", then restart"
                + " the Tentacle. Tentacle Manager shows the server thumbprints it trusts (in gray): if this server's"
                + " certificate was replaced, the Tentacle still trusts the old one.";
    }

    private String nothingListening(Target target) {
        return "Is the Tentacle running? On the Tentacle machine, Tentacle Manager shows its service (or: tentacle"
                + " service --instance NAME --status); start it. Does it listen on port " + target.port() + "? Open"
                + " https://localhost:" + target.port() + "/ there: the Tentacle's welcome page should appear. If the"
                + " Tentacle cannot start because the port is in use, another process holds it: find it with "
                + portOwnerCommands(target) + " and stop it (a script an earlier Tentacle started can keep the port)."
                + " A firewall that rejects connections gives this error too.";
    }

    private String timeout(Target target) {
        return "A firewall probably drops the packets, or the address is wrong. Check that port " + target.port()
                + " is open between the two machines in every firewall on the way (the machine's own and the"
                + " network's, cloud security groups included), and that " + target.host() + " is an address the"
                + " Tentacle listens on (a machine with several addresses may listen on one only). Test with"
                + " https://" + target.address() + "/ in a browser on this server.";
    }

    private String pollingNotConnected() {
        String thumbprint = server == null ? "this server's thumbprint (octopus-server show-thumbprint)"
                : "this server's thumbprint " + server.sha1();
        return "Is the Tentacle running? Does it poll this server's address on port " + pollingPort + " (tentacle"
                + " show-configuration --instance NAME)? Does it trust " + thumbprint + "? On the Tentacle machine,"
                + " open https://THIS-SERVER:" + pollingPort + "/ in a browser: the server's welcome page should"
                + " appear; if it does with the IP address but not with the name, DNS is the problem. The reason says"
                + " whether a Tentacle with this subscription was connected, and with which certificate.";
    }

    private static String portOwnerCommands(Target target) {
        return "ss -ltnp 'sport = :" + target.port() + "' (Linux) or netstat -o -n -a -b (Windows)";
    }

    /** What the hint says about the machine: its parts, or placeholders when it is unknown. */
    private record Target(String name, String host, int port, String thumbprint, boolean polling) {
        static Target of(Machine machine, int pollingPort) {
            if (machine == null) {
                return new Target("the machine", "HOST", ServiceEndpoint.DEFAULT_LISTENING_PORT, "the registered one",
                        false);
            }
            boolean polling = machine.communicationStyle() == CommunicationStyle.POLLING;
            int port = polling ? pollingPort
                    : machine.uri().getPort() == -1 ? ServiceEndpoint.DEFAULT_LISTENING_PORT : machine.uri().getPort();
            String host = polling ? "THIS-SERVER" : machine.uri().getHost();
            return new Target(machine.name(), host, port, machine.thumbprint().hex(), polling);
        }

        String address() {
            return host + ":" + port;
        }
    }
}
