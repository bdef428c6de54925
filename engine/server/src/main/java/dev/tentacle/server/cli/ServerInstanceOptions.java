package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --instance NAME} and {@code --config FILE}: which instance a command works on. */
final class ServerInstanceOptions {
    @Option(names = "--instance", paramLabel = "NAME",
            description = "The Octopus Server instance (default: OctopusServer). Names are compared regardless of case.")
    String instance;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file directly, without looking the instance up in the registry.")
    Path config;

    String name() {
        return instance == null ? ApplicationKind.SERVER.defaultInstanceName() : instance;
    }

    /**
     * The selected instance: with {@code --config}, that file; otherwise the registered instance.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException naming the known instances, when there is none
     */
    ServerInstance resolve(InstanceRegistry registry) {
        if (config != null) {
            return new ServerInstance(name(), config);
        }
        InstanceRecord record = registry.get(name());
        return new ServerInstance(record.name(), record.configFile());
    }
}
