package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.internal.Names;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A machine to register, or the new state of a registered one.
 *
 * @param name unique among machines, compared case-insensitively
 * @param communicationStyle how the server reaches the Tentacle
 * @param uri {@code https://host:port/} for a listening Tentacle, {@code poll://subscription-id/} for a polling one
 * @param thumbprint the Tentacle certificate's thumbprint, which the server pins
 * @param environments environment names; duplicates (ignoring case) are dropped and the rest sorted
 * @param roles role names, normalized like environments
 * @param tenants tenant names, normalized like environments; empty for an untenanted machine
 * @param policyName the machine policy's name, or null for {@value MachinePolicy#DEFAULT_POLICY_NAME}
 */
public record NewMachine(
        String name,
        CommunicationStyle communicationStyle,
        URI uri,
        Thumbprint thumbprint,
        List<String> environments,
        List<String> roles,
        List<String> tenants,
        String policyName) {

    public static final int MAXIMUM_URI_LENGTH = 2000;

    public NewMachine {
        name = Names.require(name, "machine name");
        Objects.requireNonNull(communicationStyle, "communicationStyle");
        Objects.requireNonNull(thumbprint, "thumbprint");
        requireUriFor(name, communicationStyle, uri);
        environments = MachineTags.normalize(environments, "environment name");
        roles = MachineTags.normalize(roles, "role name");
        tenants = MachineTags.normalize(tenants, "tenant name");
        policyName = policyName == null || policyName.isBlank() ? null : Names.require(policyName, "machine policy name");
    }

    /** A listening Tentacle at {@code https://host:port/}, without tags, under the default policy. */
    public static NewMachine listening(String name, URI uri, Thumbprint thumbprint) {
        return new NewMachine(name, CommunicationStyle.LISTENING, uri, thumbprint, List.of(), List.of(), List.of(), null);
    }

    /** A polling Tentacle with subscription {@code poll://subscriptionId/}, without tags, under the default policy. */
    public static NewMachine polling(String name, String subscriptionId, Thumbprint thumbprint) {
        return new NewMachine(name, CommunicationStyle.POLLING, URI.create("poll://" + subscriptionId + "/"), thumbprint,
                List.of(), List.of(), List.of(), null);
    }

    public NewMachine withName(String newName) {
        return new NewMachine(newName, communicationStyle, uri, thumbprint, environments, roles, tenants, policyName);
    }

    public NewMachine withThumbprint(Thumbprint newThumbprint) {
        return new NewMachine(name, communicationStyle, uri, newThumbprint, environments, roles, tenants, policyName);
    }

    public NewMachine withEnvironments(String... newEnvironments) {
        return new NewMachine(name, communicationStyle, uri, thumbprint, List.of(newEnvironments), roles, tenants, policyName);
    }

    public NewMachine withRoles(String... newRoles) {
        return new NewMachine(name, communicationStyle, uri, thumbprint, environments, List.of(newRoles), tenants, policyName);
    }

    public NewMachine withTenants(String... newTenants) {
        return new NewMachine(name, communicationStyle, uri, thumbprint, environments, roles, List.of(newTenants), policyName);
    }

    public NewMachine withPolicy(String newPolicyName) {
        return new NewMachine(name, communicationStyle, uri, thumbprint, environments, roles, tenants, newPolicyName);
    }

    private static void requireUriFor(String name, CommunicationStyle style, URI uri) {
        String expected = style == CommunicationStyle.LISTENING ? "https://host:10933/" : "poll://subscription-id/";
        if (uri == null) {
            throw new IllegalArgumentException("Machine '" + name + "' needs a URI such as " + expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean fits = style == CommunicationStyle.LISTENING
                ? scheme.equals("https") && uri.getHost() != null
                : scheme.equals("poll") && uri.getHost() != null;
        if (!fits) {
            throw new IllegalArgumentException("Machine '" + name + "' is " + style.name().toLowerCase(Locale.ROOT)
                    + " so its URI must look like " + expected + ", was '" + uri + "'");
        }
        if (uri.toString().length() > MAXIMUM_URI_LENGTH) {
            throw new IllegalArgumentException("The URI of machine '" + name + "' is longer than " + MAXIMUM_URI_LENGTH
                    + " characters");
        }
    }
}
