package dev.tentacle.servermanager.addmachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EquivalentCommandTest {
    @Test
    void quotesWordsTheShellWouldSplitOrExpand() {
        NewMachine machine = NewMachine.listening("Web 01", URI.create("https://web01:10933/"), new Thumbprint("A".repeat(40)))
                .withEnvironments("Production").withRoles("it's web");

        assertThat(EquivalentCommand.addListening("My Server", machine)).isEqualTo("octopus-server machine add-listening"
                + " --instance 'My Server' --name 'Web 01' --url https://web01:10933/ --thumbprint " + "A".repeat(40)
                + " --environment Production --role 'it'\\''s web'");
    }

    @Test
    void leavesOutThePolicyWhenItIsTheDefault() {
        NewMachine machine = NewMachine.listening("web01", URI.create("https://web01:10933/"), new Thumbprint("B".repeat(64)));

        assertThat(EquivalentCommand.addListening("Main", machine)).doesNotContain("--policy").doesNotContain("--role");
    }
}
