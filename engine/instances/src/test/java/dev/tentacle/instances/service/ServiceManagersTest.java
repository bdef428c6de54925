package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceManagersTest {
    private final ScriptedCommandRunner runner = new ScriptedCommandRunner();

    @Test
    void linuxGetsSystemd() {
        assertThat(ServiceManagers.forOs("Linux", runner)).isInstanceOf(SystemdServiceManager.class);
    }

    @Test
    void windowsGetsTheServiceControlManager() {
        assertThat(ServiceManagers.forOs("Windows Server 2022", runner)).isInstanceOf(WindowsServiceManager.class);
    }

    @Test
    void otherSystemsAreNotSupportedAndSayWhatToDoInstead() {
        ServiceManager manager = ServiceManagers.forOs("Mac OS X", runner);
        ServiceName service = ServiceName.tentacle("Web01");

        assertThat(manager.isSupported()).isFalse();
        assertThat(manager.describe()).contains("not on Mac OS X");
        assertThat(manager.status(service).state()).isEqualTo(ServiceStatus.State.UNKNOWN);
        assertThatThrownBy(() -> manager.install(ServiceDefinition.builder(service, "/t").build()))
                .hasMessageContaining("in the foreground with `tentacle run --instance Web01`");
        assertThat(runner.commands()).isEmpty();
    }

    @Test
    void theCurrentOsGetsAManager() {
        ServiceManager manager = ServiceManagers.forCurrentOs();

        assertThat(manager.describe()).isNotBlank();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(manager).isInstanceOf(SystemdServiceManager.class);
        }
    }

    @Test
    void anUnknownStatusNeedsADetail() {
        assertThatThrownBy(() -> ServiceStatus.unknown(" ")).hasMessageContaining("needs a detail");
        assertThat(ServiceStatus.stopped("failed").toString()).isEqualTo("STOPPED (failed)");
    }
}
