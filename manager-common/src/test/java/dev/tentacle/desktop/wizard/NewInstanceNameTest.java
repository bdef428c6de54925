package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewInstanceNameTest {
    @TempDir
    Path root;

    private NewInstanceName names(InstanceRegistry registry) {
        return new NewInstanceName(registry, ApplicationKind.TENTACLE, "A Tentacle instance",
                "each instance is a separate Tentacle");
    }

    private InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.at(root.resolve("registry")), ApplicationKind.TENTACLE);
    }

    @Test
    void theDefaultIsTheFirstFreeName() {
        InstanceRegistry registry = registry();
        assertThat(names(registry).defaultName()).isEqualTo("Tentacle");

        registry.create("Tentacle");
        registry.create("Tentacle2");

        assertThat(names(registry).defaultName()).isEqualTo("Tentacle3");
    }

    @Test
    void aTakenOrInvalidNameSaysWhy() {
        InstanceRegistry registry = registry();
        registry.create("Web01");
        NewInstanceName names = names(registry);

        assertThat(names.problem("Web02")).isEmpty();
        assertThat(names.problem("Web01")).contains("A Tentacle instance named 'Web01' exists already. Choose another"
                + " name; each instance is a separate Tentacle.");
        assertThat(names.problem("WEB01")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("named 'Web01' exists already (names ignore case)"));
        assertThat(names.problem(null)).isPresent();
    }

    @Test
    void aDamagedRegistryIsReported() throws IOException {
        InstanceRegistry registry = registry();
        Files.createDirectories(registry.indexFile().getParent());
        Files.writeString(registry.indexFile(), "{ not json");

        assertThat(names(registry).defaultName()).isEqualTo("Tentacle");
        assertThat(names(registry).problem("Web01")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("The instance registry cannot be read: "));
    }
}
