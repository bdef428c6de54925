package dev.tentacle.instances.registry;

import java.nio.file.Path;

/**
 * One registered instance: its name and its configuration file.
 *
 * @param name the instance name, as it was created (comparisons ignore case)
 * @param configFile the absolute path of its configuration file
 */
public record InstanceRecord(String name, Path configFile) {
    public InstanceRecord {
        InstanceName.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (configFile == null || !configFile.isAbsolute()) {
            throw new IllegalArgumentException("The instance '" + name + "' needs the absolute path of its configuration"
                    + " file; was " + (configFile == null ? "missing" : "'" + configFile + "'") + ".");
        }
        configFile = configFile.normalize();
    }
}
