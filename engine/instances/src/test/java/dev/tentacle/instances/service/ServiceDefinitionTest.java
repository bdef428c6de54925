package dev.tentacle.instances.service;

import dev.tentacle.instances.ApplicationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceDefinitionTest {
    private static final ServiceName WEB01 = ServiceName.tentacle("Web01");

    @Test
    void defaultsRunTheInstanceAsTheOsDefaultAccount() {
        ServiceDefinition definition = ServiceDefinition.builder(WEB01, "/opt/tentacle/bin/tentacle").build();

        assertThat(definition.arguments()).containsExactly("run", "--instance", "Web01");
        assertThat(definition.userName()).isEmpty();
        assertThat(definition.password()).isEmpty();
        assertThat(definition.workingDirectory()).isEmpty();
        assertThat(definition.environment()).isEmpty();
        assertThat(definition.description()).contains("Tentacle").contains("\"Web01\"");
        assertThat(definition.kind()).isEqualTo(ApplicationKind.TENTACLE);
        assertThat(definition.instanceName()).isEqualTo("Web01");
        assertThat(definition.displayName()).isEqualTo("OctopusDeploy Tentacle: Web01");
    }

    @Test
    void displayNamesFollowOctopusDeploy() {
        assertThat(ServiceName.tentacle("My Instance").displayName()).isEqualTo("OctopusDeploy Tentacle: My Instance");
        assertThat(ServiceName.tentacle("Tentacle").displayName()).isEqualTo("OctopusDeploy Tentacle");
        assertThat(ServiceName.octopusServer("Node 2").displayName()).isEqualTo("OctopusDeploy: Node 2");
        assertThat(ServiceName.octopusServer("OctopusServer").displayName()).isEqualTo("OctopusDeploy");
    }

    @Test
    void aLocalLauncherPathIsMadeAbsolute() {
        ServiceDefinition definition = ServiceDefinition.builder(WEB01, Path.of("bin/tentacle")).build();

        assertThat(Path.of(definition.launcher()).isAbsolute()).isTrue();
        assertThat(definition.launcher()).endsWith("/bin/tentacle");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        ServiceDefinition definition = ServiceDefinition.builder(WEB01, "C:\\T\\tentacle.exe")
                .userName("octopus").password("hunter2").build();

        assertThat(definition.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void theEnvironmentIsSortedAndCannotBeChangedAfterwards() {
        ServiceDefinition definition = ServiceDefinition.builder(WEB01, "/t").environment(Map.of("B", "2", "A", "1"))
                .build();

        assertThat(definition.environment().keySet()).containsExactly("A", "B");
        assertThatThrownBy(() -> definition.environment().put("C", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderKeepsEverything() {
        ServiceDefinition definition = ServiceDefinition.builder(WEB01, "/t").userName("u").password("p")
                .workingDirectory("/w").description("d").environmentVariable("A", "1").build();

        assertThat(definition.toBuilder().build()).isEqualTo(definition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ABC", "A-B", "A B", ""})
    void environmentVariableNamesMustBeValid(String name) {
        assertThatThrownBy(() -> ServiceDefinition.builder(WEB01, "/t").environmentVariable(name, "x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid environment variable name");
    }

    @Test
    void aLineBreakAnywhereIsRejectedBecauseItWouldSplitAUnitFileLine() {
        assertThatThrownBy(() -> ServiceDefinition.builder(WEB01, "/t").arguments(java.util.List.of("run\nUser=root"))
                .build())
                .hasMessageContaining("contains a control character (U+000A) at position 4");
        assertThatThrownBy(() -> ServiceDefinition.builder(WEB01, "/t").description("a\rb").build())
                .hasMessageContaining("description contains a control character (U+000D)");
    }

    @Test
    void anEmptyLauncherSaysWhatToGive() {
        assertThatThrownBy(() -> ServiceDefinition.builder(WEB01, " ").build())
                .hasMessageContaining("give the full path of the installed tentacle launcher");
    }

    @Test
    void aBlankUserNameSaysToLeaveItOut() {
        assertThatThrownBy(() -> ServiceDefinition.builder(WEB01, "/t").userName("  ").build())
                .hasMessageContaining("leave --username out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " Web01", "Web01 ", "Web\t01"})
    void instanceNamesMustBeUsable(String name) {
        assertThatThrownBy(() -> ServiceName.tentacle(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instance name");
    }
}
