package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.CliParameterErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliBasicsTest {
    @TempDir
    Path temp;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
    }

    static Stream<String> commandNames() {
        var sink = new PrintWriter(new StringWriter());
        return TentacleCli.commandLine(CliContext.of(new CliHarness(Path.of("/unused")).environment()), sink, sink)
                .getSubcommands().keySet().stream();
    }

    @Test
    void offersEveryCommandOfTheOriginal() {
        assertThat(commandNames()).contains("create-instance", "delete-instance", "list-instances", "new-certificate",
                "import-certificate", "show-thumbprint", "show-configuration", "configure", "update-trust",
                "poll-server", "register-with", "deregister-from", "proxy", "polling-proxy", "service", "run", "version",
                "help");
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void helpOptionWorksForEveryCommand(String command) {
        var result = cli.run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tentacle " + command);
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void helpCommandDescribesEveryCommand(String command) {
        var result = cli.run("help", command);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tentacle " + command);
    }

    @Test
    void everyInstanceCommandTakesInstanceAndConfig() {
        for (String command : List.of("delete-instance", "new-certificate", "import-certificate", "show-thumbprint",
                "show-configuration", "configure", "update-trust", "poll-server", "register-with", "deregister-from",
                "proxy", "polling-proxy", "service",
                "run", "create-instance")) {
            assertThat(cli.run(command, "--help").out()).as(command).contains("--instance=NAME").contains("--config=FILE");
        }
    }

    @Test
    void helpListsTheCommands() {
        var result = cli.run("help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("create-instance", "show-thumbprint", "poll-server", "polling-proxy", "run");
    }

    @Test
    void withoutACommandPrintsTheList() {
        var result = cli.run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tentacle", "create-instance");
    }

    @Test
    void unknownCommandSaysSoAndWhereTheListIs() {
        var result = cli.run("show-thumbprnt");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(2);
        assertThat(result.err()).contains("'show-thumbprnt' is not a tentacle command.")
                .contains("Did you mean show-thumbprint?")
                .contains("Run 'tentacle help' for the list.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void farFetchedCommandGetsNoSuggestion() {
        var result = cli.run("bogus");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("'bogus' is not a tentacle command.").doesNotContain("Did you mean");
    }

    @Test
    void misspelledOptionGetsASuggestion() {
        var result = cli.run("configure", "--listenIPAdress", "127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unknown option: '--listenIPAdress'.", "Did you mean --listenIpAddress?");
    }

    @Test
    void editDistance() {
        assertThat(CliParameterErrors.distance("", "abc")).isEqualTo(3);
        assertThat(CliParameterErrors.distance("show-thumbprnt", "show-thumbprint")).isEqualTo(1);
        assertThat(CliParameterErrors.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(CliParameterErrors.distance("same", "same")).isZero();
    }

    @Test
    void unknownOptionNamesTheCommandsHelp() {
        var result = cli.run("configure", "--instance", "Tentacle", "--prot", "10933");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(2);
        assertThat(result.err()).contains("Unknown option: '--prot'. Did you mean --port?")
                .contains("Run 'tentacle help configure' for the list of its options.");
    }

    @Test
    void malformedValueIsAUserError() {
        var result = cli.run("configure", "--port", "ten");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--port").contains("'ten'");
    }

    @Test
    void missingRequiredOptionIsAUserError() {
        var result = cli.run("update-trust", "--oldThumbprint", "8E1F4E0F2A6E0B5C3D2E1F0A9B8C7D6E5F4A3B2C");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Missing required option", "--newThumbprint");
    }

    @Test
    void unknownHelpTopicIsAUserError() {
        var result = cli.run("help", "no-such-command");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no-such-command").contains("Run 'tentacle help' for the list.");
    }

    @Test
    void optionNamesIgnoreCaseLikeTheOriginal() {
        cli.ok("create-instance", "--instance", "Web");

        var result = cli.run("configure", "--INSTANCE", "Web", "--nolisten", "TRUE");

        assertThat(result.exitCode()).isZero();
        assertThat(cli.ok("show-configuration", "--instance", "Web", "--format", "json").json().get("noListen").asBoolean())
                .isTrue();
    }

    @Test
    void acceptsTheOriginalsConsoleAndNologoFlags() {
        var result = cli.run("list-instances", "--console", "--nologo");

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void versionPrintsTheBuildAndRuntime() {
        var result = cli.ok("version");

        assertThat(result.out()).startsWith("Tentacle for the JVM ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void versionAsJson() {
        var json = cli.ok("version", "--format", "json").json();

        assertThat(json.get("version").asText()).isNotBlank();
        assertThat(json.get("java").asText()).contains(System.getProperty("java.version"));
        assertThat(json.get("os").asText()).contains(System.getProperty("os.name"));
    }

    @Test
    void versionOptionOnTheTopLevelCommand() {
        var result = cli.ok("--version");

        assertThat(result.out()).startsWith("Tentacle for the JVM ");
    }

    @Test
    void unknownFormatIsAUserError() {
        var result = cli.run("version", "--format", "yaml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("'yaml' is not a format; use text or json");
    }

    @Test
    void relativeRegistryDirectoryIsAUserError() {
        cli.variable("OCTOPUS_INSTANCES_DIR", "relative/dir");

        var result = cli.run("list-instances");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: OCTOPUS_INSTANCES_DIR is set to 'relative/dir'");
        assertThat(result.err().lines().toList()).hasSize(1);
    }

    @Test
    void runRefusesTheWindowsServiceOptionElsewhereAndKeepsItHidden() {
        var result = cli.run("run", "--instance", "Web01", "--service");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--service is only for the Windows service control manager")
                .contains("without it");
        assertThat(cli.run("run", "--help").out()).doesNotContain("--service");
    }
}
