package dev.tentacle.instances.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HostEnvironmentTest {
    private static Properties properties(String... pairs) {
        var properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void aLauncherPropertyStandsInForAVariableThatIsNotSet() {
        Map<String, String> variables = HostEnvironment.withPropertyDefaults(Map.of("PATH", "/usr/bin"),
                properties("tentacle.env.TENTACLE_LAUNCHER", "C:\\Program Files\\tentacle/tentacle.exe",
                        "java.version", "25"));

        assertThat(variables).containsEntry("TENTACLE_LAUNCHER", "C:\\Program Files\\tentacle/tentacle.exe")
                .containsEntry("PATH", "/usr/bin").hasSize(2);
        assertThat(new HostEnvironment(OperatingSystem.WINDOWS, variables, "me", Path.of("/home/me"))
                .variable("TENTACLE_LAUNCHER")).contains("C:\\Program Files\\tentacle/tentacle.exe");
    }

    @Test
    void aVariableThatIsSetWinsInAnyCase() {
        assertThat(HostEnvironment.withPropertyDefaults(Map.of("TENTACLE_LAUNCHER", "/opt/tentacle/bin/tentacle"),
                properties("tentacle.env.TENTACLE_LAUNCHER", "/elsewhere")))
                .containsExactly(Map.entry("TENTACLE_LAUNCHER", "/opt/tentacle/bin/tentacle"));
        assertThat(HostEnvironment.withPropertyDefaults(Map.of("Tentacle_Launcher", "C:\\t.exe"),
                properties("tentacle.env.TENTACLE_LAUNCHER", "C:\\other.exe")))
                .containsExactly(Map.entry("Tentacle_Launcher", "C:\\t.exe"));
    }

    @Test
    void aPropertyWithoutANameIsIgnored() {
        assertThat(HostEnvironment.withPropertyDefaults(Map.of(), properties("tentacle.env.", "x",
                "tentacle.environment", "y"))).isEmpty();
    }
}
