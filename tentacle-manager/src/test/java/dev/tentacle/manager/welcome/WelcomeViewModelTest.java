package dev.tentacle.manager.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
    final List<String> created = new ArrayList<>();
    int cancelled;
    final WelcomeViewModel welcome = new WelcomeViewModel("/tmp/registry (set by OCTOPUS_INSTANCES_DIR)",
            created::add, () -> cancelled++);

    @Test
    void saysWhereInstancesAreRegistered() {
        assertThat(welcome.registry())
                .isEqualTo("Instances are registered in /tmp/registry (set by OCTOPUS_INSTANCES_DIR).");
        assertThat(welcome.noInstances()).contains("There is no Tentacle on this machine yet");
    }

    @Test
    void handsTheCreatedInstanceOn() {
        welcome.instanceCreated(Optional.of("Web01"));
        welcome.instanceCreated(Optional.empty());

        assertThat(created).containsExactly("Web01");
        assertThat(cancelled).isEqualTo(1);
    }
}
