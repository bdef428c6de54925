package dev.tentacle.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The environments, roles, tenants and machine policy of a machine being registered. */
final class MachineTagOptions {
    @Option(names = "--environment", paramLabel = "NAME", description = "An environment it belongs to; repeatable.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--role", paramLabel = "NAME", description = "A role it has; repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--tenant", paramLabel = "NAME", description = "A tenant it serves; repeatable.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "NAME",
            description = "Its machine policy, by name (default: Default Machine Policy).")
    String policy;
}
