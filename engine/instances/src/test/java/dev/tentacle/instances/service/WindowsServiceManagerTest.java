package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsServiceManagerTest {
    private static final String LAUNCHER = "C:\\Program Files\\Octopus Deploy\\Tentacle\\tentacle.exe";
    private static final ServiceName MY_INSTANCE = ServiceName.tentacle("My Instance");
    private static final String NAME = "\"OctopusDeploy Tentacle: My Instance\"";

    private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
    private final List<Duration> sleeps = new ArrayList<>();
    private final WindowsServiceManager manager = new WindowsServiceManager(WindowsServiceCommands.standard(), runner,
            sleeps::add, Duration.ofSeconds(2));

    private static ServiceDefinition myInstance() {
        return ServiceDefinition.builder(MY_INSTANCE, LAUNCHER).description("Tentacle agent").build();
    }

    @Test
    void aFreshInstallCreatesConfiguresAndStartsTheService() {
        runner.queryNotInstalled();

        manager.install(myInstance());

        assertThat(runner.displayed()).containsExactly(
                "sc.exe query " + NAME,
                "sc.exe create " + NAME + " binPath= \"\\\"" + LAUNCHER + "\\\" run --instance \\\"My Instance\\\" --service\""
                        + " DisplayName= " + NAME + " start= auto obj= LocalSystem",
                "sc.exe description " + NAME + " \"Tentacle agent\"",
                "sc.exe failure " + NAME + " reset= 86400 actions= restart/5000/restart/5000/restart/5000",
                "sc.exe failureflag " + NAME + " 1",
                "sc.exe start " + NAME);
    }

    @Test
    void aNamedAccountGetsALocalDomainAndItsPasswordIsPassedButNeverShown() {
        runner.queryNotInstalled();

        manager.install(myInstance().toBuilder().userName("octopus").password("p@ss word").build());

        Command create = runner.commands().get(1);
        assertThat(create.display()).endsWith("start= auto obj= .\\octopus password= ********");
        assertThat(create.arguments()).endsWith("obj=", ".\\octopus", "password=", "p@ss word");
    }

    @Test
    void environmentVariablesGoIntoTheServicesRegistryKey() {
        runner.queryNotInstalled();

        manager.install(myInstance().toBuilder().environmentVariable("TENTACLE_HOME", "C:\\Octopus\\My Instance")
                .environmentVariable("JAVA_OPTS", "-Xmx1g").build());

        assertThat(runner.displayed()).contains("reg.exe add "
                + "\"HKLM\\SYSTEM\\CurrentControlSet\\Services\\OctopusDeploy Tentacle: My Instance\" /v Environment "
                + "/t REG_MULTI_SZ /d \"JAVA_OPTS=-Xmx1g|TENTACLE_HOME=C:\\Octopus\\My Instance\" /s | /f");
        assertThat(runner.displayed()).last().isEqualTo("sc.exe start " + NAME);
    }

    @Test
    void reinstallingARunningServiceReconfiguresItAndRestartsItOnceItHasStopped() {
        runner.queryState("OctopusDeploy Tentacle: My Instance", "4  RUNNING")
                .queryState("OctopusDeploy Tentacle: My Instance", "3  STOP_PENDING")
                .queryState("OctopusDeploy Tentacle: My Instance", "1  STOPPED");

        manager.install(myInstance());

        assertThat(runner.displayed()).element(1).asString().startsWith("sc.exe config " + NAME + " binPath= ");
        assertThat(runner.displayed()).endsWith(
                "reg.exe delete \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\OctopusDeploy Tentacle: My Instance\" "
                        + "/v Environment /f",
                "sc.exe stop " + NAME,
                "sc.exe query " + NAME,
                "sc.exe query " + NAME,
                "sc.exe start " + NAME);
        assertThat(sleeps).containsExactly(WindowsServiceManager.POLL_INTERVAL);
    }

    @Test
    void uninstallStopsTheServiceWaitsAndDeletesIt() {
        runner.queryState("OctopusDeploy Tentacle: My Instance", "4  RUNNING")
                .queryState("OctopusDeploy Tentacle: My Instance", "1  STOPPED");

        assertThat(manager.uninstall(MY_INSTANCE)).isTrue();

        assertThat(runner.displayed()).containsExactly(
                "sc.exe query " + NAME,
                "sc.exe stop " + NAME,
                "sc.exe query " + NAME,
                "sc.exe delete " + NAME);
    }

    @Test
    void uninstallingAStoppedServiceDeletesItDirectly() {
        runner.queryState("OctopusDeploy Tentacle: My Instance", "1  STOPPED");

        assertThat(manager.uninstall(MY_INSTANCE)).isTrue();

        assertThat(runner.displayed()).containsExactly("sc.exe query " + NAME, "sc.exe delete " + NAME);
    }

    @Test
    void uninstallingWhatIsNotInstalledChangesNothing() {
        runner.queryNotInstalled();

        assertThat(manager.uninstall(MY_INSTANCE)).isFalse();
        assertThat(runner.displayed()).containsExactly("sc.exe query " + NAME);
    }

    @Test
    void startingARunningServiceAndStoppingAStoppedOneAreNotErrors() {
        runner.answer("sc.exe start", 1056, "[SC] StartService FAILED 1056: An instance of the service is already "
                        + "running.")
                .answer("sc.exe stop", 1062, "[SC] ControlService FAILED 1062: The service has not been started.")
                .queryState("OctopusDeploy Tentacle: My Instance", "1  STOPPED");

        manager.start(MY_INSTANCE);
        manager.stop(MY_INSTANCE);

        assertThat(runner.displayed()).containsExactly(
                "sc.exe start " + NAME, "sc.exe stop " + NAME, "sc.exe query " + NAME);
    }

    @Test
    void aServiceThatDoesNotStopInTimeIsReportedWithItsLastState() {
        runner.queryState("OctopusDeploy Tentacle: My Instance", "3  STOP_PENDING");

        assertThatThrownBy(() -> manager.stop(MY_INSTANCE))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("did not stop within 2 s")
                .hasMessageContaining("STOP_PENDING")
                .hasMessageContaining("Task Manager");
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void accessDeniedQuotesTheCommandAndSaysToElevate() {
        runner.queryNotInstalled().answer("sc.exe create", 5, "[SC] OpenSCManager FAILED 5:\n\nAccess is denied.");

        assertThatThrownBy(() -> manager.install(myInstance()))
                .hasMessageContaining("could not be installed")
                .hasMessageContaining("`sc.exe create " + NAME + " binPath= ")
                .hasMessageContaining("failed with exit code 5")
                .hasMessageContaining("Access is denied.")
                .hasMessageContaining("elevated prompt (Run as administrator)");
    }

    @Test
    void aLauncherThatIgnoresTheServiceControlManagerIsExplained() {
        runner.answer("sc.exe start", 1053, "[SC] StartService FAILED 1053:\n\nThe service did not respond to the "
                + "start or control request in a timely fashion.");

        assertThatThrownBy(() -> manager.start(MY_INSTANCE))
                .hasMessageContaining("must speak the service control protocol")
                .hasMessageContaining("`tentacle run --instance 'My Instance'`");
    }

    @Test
    void aMissingPasswordIsReportedBeforeAnythingRuns() {
        assertThatThrownBy(() -> manager.install(myInstance().toBuilder().userName("CORP\\octopus").build()))
                .hasMessageContaining("the account CORP\\octopus needs a password");
        assertThat(runner.commands()).isEmpty();
    }

    @Test
    void statusReadsTheStateNumber() {
        runner.queryState("OctopusDeploy Tentacle: My Instance", "4  RUNNING");

        assertThat(manager.status(MY_INSTANCE)).isEqualTo(ServiceStatus.running());
    }

    @Test
    void isSupportedWhenScExeIsFound() {
        assertThat(manager.isSupported()).isTrue();
        assertThat(manager.describe()).isEqualTo("Windows services, controlled with /fake/System32/sc.exe.");
    }
}
