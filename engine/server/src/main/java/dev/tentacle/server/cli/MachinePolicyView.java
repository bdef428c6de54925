package dev.tentacle.server.cli;

import dev.tentacle.server.storage.machines.MachinePolicy;

/** A machine policy as the commands print it; durations in seconds for scripts. */
record MachinePolicyView(String id, String name, long healthCheckIntervalSeconds, boolean rpcRetryEnabled,
        long rpcRetryDurationSeconds, boolean builtIn) {

    static MachinePolicyView of(MachinePolicy policy) {
        return new MachinePolicyView(policy.id().toString(), policy.name(),
                policy.settings().healthCheckInterval().toSeconds(), policy.settings().rpcRetryEnabled(),
                policy.settings().rpcRetryDuration().toSeconds(), policy.builtIn());
    }

    String describe() {
        return name + (builtIn ? " (built in)" : "") + ": health check every " + seconds(healthCheckIntervalSeconds)
                + "; RPC retries " + (rpcRetryEnabled ? "on, for " + seconds(rpcRetryDurationSeconds) : "off");
    }

    private static String seconds(long total) {
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append(" h ");
        }
        if (minutes > 0) {
            text.append(minutes).append(" min ");
        }
        if (seconds > 0 || text.isEmpty()) {
            text.append(seconds).append(" s ");
        }
        return text.toString().strip();
    }
}
