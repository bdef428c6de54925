package dev.tentacle.tentacle.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the wizard suggests from the machines a server already has. */
class ServerCheckResultTest {
    static RegisteredMachine machine(String name, List<String> environments, List<String> roles, String policy) {
        return new RegisteredMachine("Machines-1", name, "LISTENING", "https://" + name + ":10933/", "AB", environments,
                roles, List.of(), policy, null);
    }

    @Test
    void collectsEnvironmentsRolesAndPoliciesOnceEach() {
        var result = new ServerCheck.Result(TentacleRegistrarTest.SERVER, List.of(
                machine("web01", List.of("Production", "Staging"), List.of("web"), "Default Machine Policy"),
                machine("web02", List.of("production"), List.of("web", "api"), null)));

        assertThat(result.environments()).containsExactly("Production", "Staging");
        assertThat(result.roles()).containsExactly("api", "web");
        assertThat(result.policies()).containsExactly("Default Machine Policy");
        assertThat(result.machineNamed(" WEB02 ")).map(RegisteredMachine::name).contains("web02");
        assertThat(result.machineNamed("db01")).isEmpty();
    }
}
