package dev.tentacle.tentacle.agent;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.capabilities.AgentCapabilities;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.tentacle.files.AgentFileTransferService;
import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.tentacle.scripts.AgentScriptService;
import dev.tentacle.tentacle.scripts.AgentScriptServiceV2;
import dev.tentacle.tentacle.scripts.ScriptEngine;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import java.nio.file.Path;

/**
 * The services a Tentacle hosts: capabilities (which report the free space of {@code <home>/Work}'s volume), scripts
 * (v1 and v2, over one script engine whose state lives in {@code <home>/Work}, so a restarted agent still answers for
 * earlier tickets) and file transfer confined to the home.
 */
public final class TentacleServices implements AgentServices {
    /** Where scripts' workspaces, state and logs live, under the instance home. */
    public static final String WORK_DIRECTORY = "Work";

    private final Path home;
    private final ScriptEngine scripts;

    private TentacleServices(Path home) {
        this.home = home;
        this.scripts = new ScriptEngine(home.resolve(WORK_DIRECTORY));
    }

    public static TentacleServices forConfiguration(TentacleConfiguration configuration) {
        return new TentacleServices(configuration.homeDirectory());
    }

    /** The same services over a given home directory; for tests and embedding. */
    public static TentacleServices forHome(Path home) {
        return new TentacleServices(home);
    }

    @Override
    public void registerOn(CommsRuntime.Builder runtime) {
        runtime.service(CapabilitiesService.class, AgentCapabilities.standard(home.resolve(WORK_DIRECTORY)))
                .service(ScriptService.class, new AgentScriptService(scripts))
                .service(ScriptServiceV2.class, new AgentScriptServiceV2(scripts))
                .service(FileTransferService.class, new AgentFileTransferService(home));
    }

    @Override
    public void close() {
        scripts.close();
    }
}
