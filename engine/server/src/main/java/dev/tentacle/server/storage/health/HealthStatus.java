package dev.tentacle.server.storage.health;

/** The outcome of a health check. */
public enum HealthStatus {
    /** The Tentacle answered and everything checked was fine. */
    HEALTHY,
    /** The Tentacle answered but something is wrong, such as low disk space or an outdated agent; see the reason. */
    UNHEALTHY,
    /** The Tentacle could not be reached: refused, timed out, untrusted certificate; see the reason. */
    UNAVAILABLE
}
