package dev.tentacle.server.machines;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.server.storage.health.HealthCheckResult;
import java.security.cert.CertificateException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kept a machine from being healthy, as a code. An unavailable machine's reason starts with the code in brackets
 * ({@code [CONNECTION_REFUSED] Nothing accepted ...}): the comms {@link ErrorCode}, except that an untrusted
 * certificate is told apart by which side refused it ({@link #TENTACLE_NOT_TRUSTED}, {@link #SERVER_NOT_TRUSTED}),
 * because the two are fixed on different machines. An unhealthy machine's problem follows from what it reported.
 *
 * <p>The classification goes by type (the error code, and whether this side's own certificate check refused the
 * peer), never by the wording of a message.
 */
public enum HealthProblem {
    /** This server refused the Tentacle's certificate: it is not the one registered for the machine. */
    TENTACLE_NOT_TRUSTED,
    /** The Tentacle refused this server's certificate: it does not trust the server's thumbprint. */
    SERVER_NOT_TRUSTED,
    /** An untrusted certificate, side unknown (results recorded before the two were told apart). */
    UNTRUSTED_PEER,
    DNS_FAILURE,
    /** Nothing accepted the connection: the Tentacle is not running, listens elsewhere, or a firewall rejects it. */
    CONNECTION_REFUSED,
    /** Something that does not speak the Tentacle protocol (or TLS) holds the port. */
    PROTOCOL_ERROR,
    /** A proxy or firewall in the path answered with HTTP instead of the Tentacle. */
    PROXY_OR_FIREWALL_IN_PATH,
    PLAIN_HTTP_TO_TLS_PORT,
    /** The TLS handshake failed otherwise: often something in the path terminates TLS. */
    TLS_HANDSHAKE_FAILED,
    TLS_VERSION_MISMATCH,
    TIMEOUT,
    PRE_AUTHENTICATION_TIMEOUT,
    CONNECTION_LOST,
    /** A polling Tentacle did not collect the request: it does not poll this server (or not with that certificate). */
    PICKUP_TIMEOUT,
    PROXY_FAILED,
    /** The agent is another version that lacks a service, method or message shape this server uses. */
    VERSION_MISMATCH,
    /** The agent's service failed; its message says why. */
    SERVICE_FAILED,
    /** The check was cancelled or the server was shutting down: nothing is known about the machine. */
    NOT_CHECKED,
    /** The agent answered but hosts no script service. */
    NO_SCRIPT_SERVICE,
    /** The agent's Work directory's volume is low on free space. */
    LOW_DISK_SPACE,
    /** Not one of the above: the reason is all there is. */
    OTHER;

    private static final Pattern CODE = Pattern.compile("\\[([A-Z][A-Z0-9_]*)]");

    /** What the comms failure of a health check means; for an untrusted certificate, which side refused it. */
    public static HealthProblem of(CommsException failure) {
        Objects.requireNonNull(failure, "failure");
        ErrorCode code = failure.code();
        if (code == ErrorCode.UNTRUSTED_PEER) {
            // This side's own pinning trust manager throws a CertificateException; a refusal by the peer arrives as a
            // TLS alert or a rejected preamble, without one.
            return causedBy(failure, CertificateException.class) ? TENTACLE_NOT_TRUSTED : SERVER_NOT_TRUSTED;
        }
        return of(code);
    }

    /** The problem of a comms error code; {@link ErrorCode#UNTRUSTED_PEER} gives the side-unknown {@link #UNTRUSTED_PEER}. */
    public static HealthProblem of(ErrorCode code) {
        return switch (Objects.requireNonNull(code, "code")) {
            case UNTRUSTED_PEER -> UNTRUSTED_PEER;
            case DNS_FAILURE -> DNS_FAILURE;
            case CONNECTION_REFUSED, ADDRESS_IN_USE -> CONNECTION_REFUSED;
            case PROTOCOL_ERROR, FRAME_TOO_LARGE -> PROTOCOL_ERROR;
            case PROXY_OR_FIREWALL_IN_PATH -> PROXY_OR_FIREWALL_IN_PATH;
            case PLAIN_HTTP_TO_TLS_PORT -> PLAIN_HTTP_TO_TLS_PORT;
            case TLS_HANDSHAKE_FAILED -> TLS_HANDSHAKE_FAILED;
            case TLS_VERSION_MISMATCH -> TLS_VERSION_MISMATCH;
            case TIMEOUT -> TIMEOUT;
            case PRE_AUTHENTICATION_TIMEOUT -> PRE_AUTHENTICATION_TIMEOUT;
            case CONNECTION_LOST -> CONNECTION_LOST;
            case PICKUP_TIMEOUT -> PICKUP_TIMEOUT;
            case PROXY_FAILED -> PROXY_FAILED;
            case SERVICE_NOT_FOUND, METHOD_NOT_FOUND, INVALID_ARGUMENT -> VERSION_MISMATCH;
            case SERVICE_FAILED -> SERVICE_FAILED;
            case CANCELLED, SHUTTING_DOWN -> NOT_CHECKED;
        };
    }

    /**
     * What is wrong with the machine a result describes: none for a healthy result; for an unhealthy one, a missing
     * script service and low disk space (either or both: below the default threshold when the checker's is unknown);
     * for an unavailable one, the problem its reason names.
     */
    public static List<HealthProblem> of(HealthCheckResult result) {
        Objects.requireNonNull(result, "result");
        return switch (result.status()) {
            case HEALTHY -> List.of();
            case UNHEALTHY -> {
                if (hostsAScriptService(result)) {
                    yield List.of(LOW_DISK_SPACE);
                }
                boolean low = result.freeDiskBytes() != null
                        && result.freeDiskBytes() < HealthChecker.DEFAULT_LOW_DISK_SPACE_BYTES;
                yield low ? List.of(NO_SCRIPT_SERVICE, LOW_DISK_SPACE) : List.of(NO_SCRIPT_SERVICE);
            }
            case UNAVAILABLE -> List.of(ofReason(result.reason()));
        };
    }

    /**
     * The problem named by the first bracketed code in a reason, such as a health check's
     * {@code [CONNECTION_REFUSED] ...} or a task part's {@code web01 is UNAVAILABLE: [TIMEOUT] ...}; {@link #OTHER}
     * when it names none.
     */
    public static HealthProblem ofReason(String reason) {
        if (reason == null) {
            return OTHER;
        }
        Matcher matcher = CODE.matcher(reason);
        while (matcher.find()) {
            Optional<HealthProblem> problem = named(matcher.group(1));
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        return OTHER;
    }

    /** The reason a health check records for a comms failure: {@code [PROBLEM] message}. */
    static String reason(CommsException failure) {
        HealthProblem problem = of(failure);
        String side = switch (problem) {
            case TENTACLE_NOT_TRUSTED -> "This server does not trust the certificate the Tentacle presented. ";
            case SERVER_NOT_TRUSTED -> "The Tentacle does not trust this server's certificate. ";
            default -> "";
        };
        String code = side.isEmpty() ? failure.code().name() : problem.name();
        return "[" + code + "] " + side + failure.getMessage();
    }

    private static Optional<HealthProblem> named(String name) {
        for (HealthProblem problem : values()) {
            if (problem.name().equals(name) && problem != OTHER) {
                return Optional.of(problem);
            }
        }
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(name)) {
                return Optional.of(of(code));
            }
        }
        return Optional.empty();
    }

    private static boolean hostsAScriptService(HealthCheckResult result) {
        return result.capabilities().contains(ScriptServiceV2.class.getSimpleName())
                || result.capabilities().contains(ScriptService.class.getSimpleName());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
