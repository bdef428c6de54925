package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.ProxySettings;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The connectivity checks of one Tentacle instance: what a person works through by hand in the troubleshooting
 * guide, done by the software. Immutable; {@link #run} and {@link #start} may be called any number of times.
 *
 * <pre>{@code
 * List<CheckResult> results = TentacleDiagnostics.forInstance(instance).run(result -> show(result));
 * }</pre>
 *
 * <p>The configuration file and the certificate are checked first, since everything else needs them. Then, at the
 * same time: whom the instance trusts; for a listening Tentacle its port (free, held by this Tentacle's own agent, or
 * held by another program, told apart by the certificate presented in a TLS handshake) and its welcome page; the
 * polling proxy; for each polled server its host name, its port (through the polling proxy, if any) and its
 * certificate (the trusted thumbprint, and whether it accepts this Tentacle's certificate); the proxy; the free space
 * of the Work directory. Every network step is bounded by {@link #timeout()}.
 */
public final class TentacleDiagnostics {
    /** How long one network step (a name lookup, a connection, a handshake, an answer) may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The free space below which the Work directory's volume fails the check: 1 GiB, the server's threshold. */
    public static final long DEFAULT_MINIMUM_FREE_BYTES = 1024L * 1024 * 1024;

    private final TentacleInstance instance;
    private final Duration timeout;
    private final long minimumFreeBytes;
    private final OperatingSystem os;

    private TentacleDiagnostics(TentacleInstance instance, Duration timeout, long minimumFreeBytes, OperatingSystem os) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, was " + timeout);
        }
        if (minimumFreeBytes < 0) {
            throw new IllegalArgumentException("The minimum free space cannot be negative, was " + minimumFreeBytes);
        }
        this.minimumFreeBytes = minimumFreeBytes;
        this.os = Objects.requireNonNull(os, "os");
    }

    /** The checks of this instance, with the default timeout and free space threshold. */
    public static TentacleDiagnostics forInstance(TentacleInstance instance) {
        return new TentacleDiagnostics(instance, DEFAULT_TIMEOUT, DEFAULT_MINIMUM_FREE_BYTES, OperatingSystem.current());
    }

    /** The same checks with another bound on each network step. */
    public TentacleDiagnostics withTimeout(Duration value) {
        return new TentacleDiagnostics(instance, value, minimumFreeBytes, os);
    }

    /** The same checks with another free space threshold for the Work directory's volume. */
    public TentacleDiagnostics withMinimumFreeBytes(long value) {
        return new TentacleDiagnostics(instance, timeout, value, os);
    }

    public TentacleInstance instance() {
        return instance;
    }

    public Duration timeout() {
        return timeout;
    }

    public long minimumFreeBytes() {
        return minimumFreeBytes;
    }

    /**
     * Runs every check and waits for them. Interrupting the calling thread cancels the run.
     *
     * @param onEach gets each result as soon as it is known, on the run's threads, one at a time
     * @return every result, in report order
     */
    public List<CheckResult> run(Consumer<CheckResult> onEach) throws InterruptedException {
        DiagnosticsRun run = start(onEach);
        try {
            return run.await();
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        }
    }

    /**
     * Starts the checks in the background.
     *
     * @param onEach gets each result as soon as it is known, on the run's threads, one at a time
     */
    public DiagnosticsRun start(Consumer<CheckResult> onEach) {
        Objects.requireNonNull(onEach, "onEach");
        DiagnosticsRun run = new DiagnosticsRun(onEach, new Network(timeout));
        Thread.ofVirtual().name("tentacle-diagnostics-" + instance.name()).start(() -> run.execute(new Plan(run)));
        return run;
    }

    /** The checks of this instance; the chains depend on what the configuration says. */
    private final class Plan implements DiagnosticsRun.Plan {
        private final Commands commands = new Commands(instance.name(), os);
        private final InstanceChecks basics = new InstanceChecks(instance, commands);
        private final Network network;
        private int order;

        Plan(DiagnosticsRun run) {
            this.network = run.network();
        }

        private Step step(CheckKind kind, String subject, Step.Body body) {
            return new Step(order++, kind, subject == null ? kind.title() : kind.title() + ": " + subject, body);
        }

        @Override
        public List<Step> prerequisites() {
            return List.of(step(CheckKind.CONFIGURATION, null, basics::configuration),
                    step(CheckKind.CERTIFICATE, null, basics::certificate));
        }

        @Override
        public boolean canContinue() {
            return basics.loadedConfiguration() != null;
        }

        @Override
        public String blockedReason() {
            return "the configuration file could not be read";
        }

        @Override
        public List<CheckChain> chains() {
            TentacleConfiguration configuration = basics.loadedConfiguration();
            List<CheckChain> chains = new ArrayList<>();
            chains.add(CheckChain.of(step(CheckKind.TRUSTED_SERVERS, null, basics::trustedServers)));
            if (!configuration.noListen()) {
                var listening = new ListeningChecks(configuration, basics.loadedIdentity(), commands, network, os);
                chains.add(CheckChain.of(
                        step(CheckKind.LISTENING_PORT, Integer.toString(configuration.listenPort()), listening::listeningPort),
                        step(CheckKind.WELCOME_PAGE, listening.welcomeUrl(), listening::welcomePage)));
            }
            Optional<ProxySettings> pollingProxy = configuration.pollingProxy().toProxySettings();
            if (!configuration.pollingServers().isEmpty()) {
                pollingProxy.ifPresent(proxy -> chains.add(CheckChain.of(step(CheckKind.POLLING_PROXY, hostPort(proxy),
                        new ProxyCheck(proxy, "polling-proxy", commands, network)::run))));
            }
            for (TrustedServer server : configuration.pollingServers()) {
                var checks = new PollingServerChecks(TentacleAgent.pollingEndpoint(configuration, server), basics.loadedIdentity(),
                        commands, network);
                chains.add(CheckChain.of(
                        step(CheckKind.SERVER_NAME, checks.host(), checks::hostName),
                        step(CheckKind.SERVER_PORT, checks.target(), checks::port),
                        step(CheckKind.SERVER_CERTIFICATE, checks.target(), checks::certificate)));
            }
            configuration.proxy().toProxySettings().ifPresent(proxy -> chains.add(CheckChain.of(step(CheckKind.PROXY,
                    hostPort(proxy), new ProxyCheck(proxy, "proxy", commands, network)::run))));
            chains.add(CheckChain.of(step(CheckKind.DISK_SPACE, null, () -> basics.diskSpace(minimumFreeBytes))));
            return chains;
        }
    }

    private static String hostPort(ProxySettings proxy) {
        return proxy.host() + ":" + proxy.port();
    }
}
