package dev.tentacle.tentacle.agent;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.instances.config.TentacleConfiguration;

/** The services a Tentacle hosts, for one instance's configuration. */
public final class TentacleServices implements AgentServices {
    private final TentacleConfiguration configuration;

    private TentacleServices(TentacleConfiguration configuration) {
        this.configuration = configuration;
    }

    public static TentacleServices forConfiguration(TentacleConfiguration configuration) {
        return new TentacleServices(configuration);
    }

    @Override
    public void registerOn(CommsRuntime.Builder runtime) {
        // The capabilities, script and file-transfer services are registered here as they land (issue 4).
        configuration.homeDirectory();
    }
}
