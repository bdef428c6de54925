package dev.tentacle.server.api;

import java.util.List;

/**
 * The body of {@code POST /api/tasks/health}: either machine ids or {@code all: true}.
 *
 * @param machineIds {@code Machines-<n>} ids
 * @param all true to check every registered machine
 */
public record HealthCheckRequest(List<String> machineIds, Boolean all) {
}
