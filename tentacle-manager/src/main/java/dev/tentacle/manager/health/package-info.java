/**
 * The health check dialog: runs the engine's connectivity checks of one Tentacle instance
 * ({@link dev.tentacle.tentacle.diagnostics.TentacleDiagnostics}) off the UI thread and shows each result as it
 * arrives, with what to do when one does not pass. {@link dev.tentacle.manager.health.HealthCheckDialog} opens it;
 * {@link dev.tentacle.manager.health.HealthCheckViewModel} holds its state and is tested without JavaFX running.
 */
package dev.tentacle.manager.health;
