package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.Thumbprint;
import java.util.List;

/**
 * Which machines to list; every condition given must hold, and null (or an empty list) means "any". Names are matched
 * case-insensitively.
 *
 * @param role a role the machine has
 * @param environment an environment the machine is in
 * @param tenant a tenant the machine serves
 * @param nameContains text that occurs in the machine's name
 * @param thumbprints the machine is registered with one of these thumbprints. A certificate has two (SHA-1 and
 *     SHA-256) and a machine is registered with either, so a Tentacle looking for itself gives both
 */
public record MachineFilter(String role, String environment, String tenant, String nameContains,
        List<Thumbprint> thumbprints) {

    private static final MachineFilter ALL = new MachineFilter(null, null, null, null, List.of());

    public MachineFilter {
        role = blankToNull(role);
        environment = blankToNull(environment);
        tenant = blankToNull(tenant);
        nameContains = blankToNull(nameContains);
        thumbprints = thumbprints == null ? List.of() : thumbprints.stream().distinct().toList();
    }

    public static MachineFilter all() {
        return ALL;
    }

    public MachineFilter withRole(String newRole) {
        return new MachineFilter(newRole, environment, tenant, nameContains, thumbprints);
    }

    public MachineFilter withEnvironment(String newEnvironment) {
        return new MachineFilter(role, newEnvironment, tenant, nameContains, thumbprints);
    }

    public MachineFilter withTenant(String newTenant) {
        return new MachineFilter(role, environment, newTenant, nameContains, thumbprints);
    }

    public MachineFilter withNameContaining(String text) {
        return new MachineFilter(role, environment, tenant, text, thumbprints);
    }

    /** Machines registered with any of these thumbprints; an empty list means any thumbprint. */
    public MachineFilter withThumbprints(List<Thumbprint> anyOf) {
        return new MachineFilter(role, environment, tenant, nameContains, anyOf);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
