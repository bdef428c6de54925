/**
 * Connectivity checks of a Tentacle instance, the troubleshooting guide's steps done by the software: the
 * configuration file reads, the certificate loads, the listening port is held by this Tentacle's own agent and its
 * welcome page answers, a trusted server is configured, each polled server resolves, accepts TCP (through the polling
 * proxy, if any) and presents the trusted certificate, the proxies answer, and the Work directory has room.
 *
 * <p>{@link dev.tentacle.tentacle.diagnostics.TentacleDiagnostics} runs them, concurrently where they are independent,
 * with short timeouts, and cancellably; each gives a {@link dev.tentacle.tentacle.diagnostics.CheckResult} that says
 * what was found and, when it is not a pass, what to do. The Tentacle Manager's health check and {@code tentacle check}
 * show the same results.
 */
package dev.tentacle.tentacle.diagnostics;
