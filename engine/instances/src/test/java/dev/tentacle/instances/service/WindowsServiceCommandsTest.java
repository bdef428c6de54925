package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WindowsServiceCommandsTest {
    private final WindowsServiceCommands commands = WindowsServiceCommands.standard();

    @Test
    void theDefaultInstancesUseTheOriginalProductsServiceNames() {
        assertThat(WindowsServiceCommands.serviceName(ServiceName.tentacle("Tentacle"))).isEqualTo("OctopusDeploy Tentacle");
        assertThat(WindowsServiceCommands.serviceName(ServiceName.tentacle("Web01")))
                .isEqualTo("OctopusDeploy Tentacle: Web01");
        assertThat(WindowsServiceCommands.serviceName(ServiceName.octopusServer("OctopusServer")))
                .isEqualTo("OctopusDeploy");
        assertThat(WindowsServiceCommands.serviceName(ServiceName.octopusServer("Node 2")))
                .isEqualTo("OctopusDeploy: Node 2");
    }

    @Test
    void binPathQuotesTheLauncherAndTheArgumentsThatNeedIt() {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("My \"Quoted\" Instance"),
                "C:\\Program Files\\Tentacle\\tentacle.exe").build();

        assertThat(WindowsServiceCommands.binPath(definition)).isEqualTo(
                "\"C:\\Program Files\\Tentacle\\tentacle.exe\" run --instance \"My \\\"Quoted\\\" Instance\" --service");
    }

    @Test
    void onlyARunCommandGetsTheServiceOptionAndOnlyOnce() {
        assertThat(WindowsServiceCommands.serviceArguments(List.of("run", "--instance", "Web01")))
                .containsExactly("run", "--instance", "Web01", "--service");
        assertThat(WindowsServiceCommands.serviceArguments(List.of("run", "--service", "--instance", "Web01")))
                .containsExactly("run", "--service", "--instance", "Web01");
        assertThat(WindowsServiceCommands.serviceArguments(List.of("//RS//Tentacle"))).containsExactly("//RS//Tentacle");
        assertThat(WindowsServiceCommands.serviceArguments(List.of())).isEmpty();
    }

    /** sc.exe receives binPath as one argument; the service control manager then starts that command line. */
    @ParameterizedTest
    @ValueSource(strings = {"Web01", "My Instance", "say \"hi\"", "trailing\\", "back\\\\slash \"q\\\"", "C:\\dir with space\\"})
    void theLauncherReceivesExactlyTheArgumentsAfterBothLevelsOfQuoting(String instanceName) {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"),
                "C:\\Program Files\\Tentacle\\tentacle.exe")
                .arguments(List.of("run", "--instance", instanceName, "")).build();
        Command create = commands.create(definition);

        List<String> scArguments = WindowsArgv.parseArguments(CommandLineSyntax.WINDOWS.join(create.arguments()));
        String binPath = scArguments.get(scArguments.indexOf("binPath=") + 1);
        List<String> launcherArgv = WindowsArgv.parseCommandLine(binPath);

        assertThat(scArguments).isEqualTo(create.arguments());
        assertThat(launcherArgv).containsExactly("C:\\Program Files\\Tentacle\\tentacle.exe", "run", "--instance",
                instanceName, "", "--service");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            octopus                        | .\\octopus
            CORP\\octopus                  | CORP\\octopus
            octopus@corp.example           | octopus@corp.example
            """)
    void accountsWithoutADomainAreLocal(String userName, String account) {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"), "C:\\T\\tentacle.exe")
                .userName(userName).password("pw").build();

        assertThat(commands.create(definition).arguments()).containsSequence("obj=", account, "password=", "pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LocalSystem", "NT AUTHORITY\\LocalService", "NT AUTHORITY\\NetworkService",
            "CORP\\tentacle-gmsa$"})
    void builtInAndManagedAccountsNeedNoPassword(String userName) {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"), "C:\\T\\tentacle.exe")
                .userName(userName).build();

        assertThat(commands.create(definition).arguments()).endsWith("obj=", userName).doesNotContain("password=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tentacle.exe", "Tentacle\\tentacle.exe", "/opt/tentacle/bin/tentacle", "C:relative.exe"})
    void aLauncherThatIsNotAnAbsoluteWindowsPathIsRejected(String launcher) {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"), launcher).build();

        assertThatThrownBy(() -> commands.create(definition))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("is not an absolute Windows path")
                .hasMessageContaining("C:\\Program Files\\Tentacle\\tentacle.exe");
    }

    @Test
    void uncPathsAreAbsolute() {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"),
                "\\\\server\\share\\tentacle.exe").build();

        assertThat(WindowsServiceCommands.binPath(definition)).startsWith("\"\\\\server\\share\\tentacle.exe\" run");
    }

    @Test
    void anInstanceNameWithASlashCannotBeAWindowsServiceName() {
        assertThatThrownBy(() -> WindowsServiceCommands.serviceName(ServiceName.tentacle("a/b")))
                .hasMessageContaining("does not allow in a service name");
    }

    @Test
    void theEnvironmentSeparatorAvoidsCharactersInTheValues() {
        ServiceDefinition definition = ServiceDefinition.builder(ServiceName.tentacle("Web01"), "C:\\T\\tentacle.exe")
                .environmentVariable("A", "x|y").environmentVariable("B", "1").build();

        assertThat(commands.setEnvironment(definition).arguments()).containsSequence("/d", "A=x|y~B=1", "/s", "~");
    }

    @Test
    void failureActionsRestartTheServiceThreeTimes() {
        assertThat(commands.failureActions(ServiceName.tentacle("Web01")).display()).isEqualTo(
                "sc.exe failure \"OctopusDeploy Tentacle: Web01\" reset= 86400 actions= "
                        + "restart/5000/restart/5000/restart/5000");
    }
}
