package dev.tentacle.tentacle.registration;

import java.util.List;

/**
 * Where a machine belongs on the server: its environments, roles and tenants, and its machine policy.
 *
 * @param policy a machine policy's name, or null for the server's default policy
 */
public record MachineTags(List<String> environments, List<String> roles, List<String> tenants, String policy) {
    public MachineTags {
        environments = clean(environments);
        roles = clean(roles);
        tenants = clean(tenants);
        policy = policy == null || policy.isBlank() ? null : policy.strip();
    }

    public static MachineTags none() {
        return new MachineTags(List.of(), List.of(), List.of(), null);
    }

    private static List<String> clean(List<String> names) {
        return names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    }
}
