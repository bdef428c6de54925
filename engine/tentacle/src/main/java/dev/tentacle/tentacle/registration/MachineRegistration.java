package dev.tentacle.tentacle.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/machines}: a listening machine has a {@code uri}, a polling one a
 * {@code subscriptionId}. The server refuses unknown fields, so this carries exactly its fields.
 *
 * @param communicationStyle {@code LISTENING} or {@code POLLING}
 * @param policyName a machine policy's name, or null for the server's default policy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineRegistration(String name, String communicationStyle, String uri, String subscriptionId,
        String thumbprint, List<String> environments, List<String> roles, List<String> tenants, String policyName) {
    public MachineRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(communicationStyle, "communicationStyle");
        Objects.requireNonNull(thumbprint, "thumbprint");
        environments = List.copyOf(environments);
        roles = List.copyOf(roles);
        tenants = List.copyOf(tenants);
    }

    /** A Tentacle the server connects to at {@code uri}. */
    public static MachineRegistration listening(String name, URI uri, String thumbprint, MachineTags tags) {
        return new MachineRegistration(name, "LISTENING", uri.toString(), null, thumbprint, tags.environments(),
                tags.roles(), tags.tenants(), tags.policy());
    }

    /** A Tentacle that polls the server as {@code poll://subscriptionId/}. */
    public static MachineRegistration polling(String name, String subscriptionId, String thumbprint, MachineTags tags) {
        return new MachineRegistration(name, "POLLING", null, subscriptionId, thumbprint, tags.environments(),
                tags.roles(), tags.tenants(), tags.policy());
    }
}
