package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.retry.RetryPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored machine policy.
 *
 * @param builtIn true for {@value #DEFAULT_POLICY_NAME}, which a migration creates and which cannot be removed
 */
public record MachinePolicy(MachinePolicyId id, MachinePolicySettings settings, boolean builtIn, Instant created) {

    /** The name of the policy every database starts with and new machines get when none is named. */
    public static final String DEFAULT_POLICY_NAME = "Default Machine Policy";

    public MachinePolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(created, "created");
    }

    public String name() {
        return settings.name();
    }

    /** The comms retry policy for calls to machines under this policy, with the default backoff. */
    public RetryPolicy retryPolicy() {
        return RetryPolicy.ofDuration(settings.rpcRetryDuration()).withEnabled(settings.rpcRetryEnabled());
    }
}
