package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void displayMasksSecretsButTheArgumentsKeepThem() {
        Command command = Command.builder(CommandLineSyntax.WINDOWS, "sc.exe")
                .add("config", "My Service", "obj=", ".\\octopus", "password=").addSecret("s3cret pass").build();

        assertThat(command.display()).isEqualTo("sc.exe config \"My Service\" obj= .\\octopus password= ********");
        assertThat(command.toString()).doesNotContain("s3cret");
        assertThat(command.arguments()).containsExactly("config", "My Service", "obj=", ".\\octopus", "password=",
                "s3cret pass");
    }

    @Test
    void posixCommandsDisplayAsShellInput() {
        assertThat(Command.posix("systemctl", "enable", "tentacle-My\\x20Instance.service").display())
                .isEqualTo("systemctl enable 'tentacle-My\\x20Instance.service'");
    }

    @Test
    void aCommandNeedsAProgram() {
        assertThatThrownBy(() -> new Command(java.util.List.of(), CommandLineSyntax.POSIX, java.util.Set.of()))
                .hasMessageContaining("at least the program");
    }

    @Test
    void theProgramCannotBeSecret() {
        assertThatThrownBy(() -> new Command(java.util.List.of("x", "y"), CommandLineSyntax.POSIX, java.util.Set.of(0)))
                .hasMessageContaining("Secret position 0 is not an argument of x");
    }

    @Test
    void aFailureDescriptionQuotesCommandExitCodeAndBothStreams() {
        CommandResult result = new CommandResult(Command.posix("systemctl", "start", "u.service"), 5, "out\n",
                "Unit u.service not found.\n");

        assertThat(result.describeFailure()).isEqualTo("`systemctl start u.service` failed with exit code 5. It printed:"
                + System.lineSeparator() + "    out" + System.lineSeparator() + "    Unit u.service not found.");
        assertThat(new CommandResult(Command.posix("true"), 1, "", "").output()).isEqualTo("(no output)");
    }
}
