package dev.tentacle.server.storage.machines;

/**
 * Which machines to list; every condition given must hold, and null means "any". Names are matched
 * case-insensitively.
 *
 * @param role a role the machine has
 * @param environment an environment the machine is in
 * @param tenant a tenant the machine serves
 * @param nameContains text that occurs in the machine's name
 */
public record MachineFilter(String role, String environment, String tenant, String nameContains) {

    private static final MachineFilter ALL = new MachineFilter(null, null, null, null);

    public MachineFilter {
        role = blankToNull(role);
        environment = blankToNull(environment);
        tenant = blankToNull(tenant);
        nameContains = blankToNull(nameContains);
    }

    public static MachineFilter all() {
        return ALL;
    }

    public MachineFilter withRole(String newRole) {
        return new MachineFilter(newRole, environment, tenant, nameContains);
    }

    public MachineFilter withEnvironment(String newEnvironment) {
        return new MachineFilter(role, newEnvironment, tenant, nameContains);
    }

    public MachineFilter withTenant(String newTenant) {
        return new MachineFilter(role, environment, newTenant, nameContains);
    }

    public MachineFilter withNameContaining(String text) {
        return new MachineFilter(role, environment, tenant, text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
