package dev.tentacle.tentacle.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A machine as the Octopus Server's API returns it (see docs/server-api.md).
 *
 * @param id the server's id, such as {@code Machines-12}
 * @param communicationStyle {@code LISTENING} or {@code POLLING}
 * @param uri {@code https://host:10933/} for a listening machine, {@code poll://subscription-id/} for a polling one
 * @param thumbprint the Tentacle certificate's thumbprint the machine is registered with
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredMachine(String id, String name, String communicationStyle, String uri, String thumbprint,
        List<String> environments, List<String> roles, List<String> tenants, String policyName, Instant created) {
    public RegisteredMachine {
        environments = environments == null ? List.of() : List.copyOf(environments);
        roles = roles == null ? List.of() : List.copyOf(roles);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
}
