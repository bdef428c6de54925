/**
 * An instance's OS service as both managers' windows show and control it: its status
 * ({@link dev.tentacle.desktop.service.ServiceStatusView}, shown by
 * {@link dev.tentacle.desktop.service.ServiceStatusLabels}), and reading, polling, Start, Stop and Restart for a
 * window's ViewModel ({@link dev.tentacle.desktop.service.ServiceControl}).
 */
package dev.tentacle.desktop.service;
