package dev.tentacle.servermanager.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
    final List<String> created = new ArrayList<>();
    final WelcomeViewModel welcome = new WelcomeViewModel("/etc/octopus (the machine-wide registry)", created::add);

    @Test
    void explainsTheServerAndWhereInstancesAreRegistered() {
        assertThat(welcome.title()).isEqualTo("Welcome to Octopus Server Manager");
        assertThat(welcome.introduction()).contains("10943", "thumbprint");
        assertThat(welcome.registry()).isEqualTo("Instances are registered in /etc/octopus (the machine-wide"
                + " registry).");
    }

    @Test
    void handsTheCreatedInstanceOn() {
        welcome.instanceCreated("Main");

        assertThat(created).containsExactly("Main");
    }
}
