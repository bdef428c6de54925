package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --instance NAME} and {@code --config FILE}: which instance a command works on. */
public final class InstanceOptions {
    @Option(names = "--instance", paramLabel = "NAME",
            description = "The Tentacle instance (default: Tentacle). Names are compared regardless of case.")
    String instance;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file directly, without looking the instance up in the registry.")
    Path config;

    /** The name given with {@code --instance}, or the default instance's name. */
    public String name() {
        return instance == null ? ApplicationKind.TENTACLE.defaultInstanceName() : instance;
    }

    /** True when {@code --config} was given. */
    public boolean hasConfigFile() {
        return config != null;
    }

    /**
     * The selected instance: with {@code --config}, that file under the given (or default) name; otherwise the
     * registered instance.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException naming the known instances, when there is none
     *     of that name
     */
    public TentacleInstance resolve(CliContext context) {
        if (config != null) {
            return new TentacleInstance(name(), config);
        }
        InstanceRecord record = context.registry().get(name());
        return new TentacleInstance(record.name(), record.configFile());
    }

    /**
     * The registered instance: by name, or with {@code --config}, the one registered with that configuration file.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException when no instance has the name
     * @throws IllegalArgumentException when no registered instance uses the file
     */
    public InstanceRecord resolveRegistered(InstanceRegistry registry) {
        if (config == null) {
            return registry.get(name());
        }
        Path file = config.toAbsolutePath().normalize();
        return registry.list().stream().filter(record -> record.configFile().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No registered Tentacle instance uses the configuration"
                        + " file " + file + ". See the registered ones with: tentacle list-instances"));
    }
}
