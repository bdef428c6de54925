package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.manager.wizard.install.FirewallRule;
import dev.tentacle.manager.wizard.install.SetupPlan;
import dev.tentacle.manager.wizard.install.SetupScript;
import dev.tentacle.tentacle.cli.CliContext;
import dev.tentacle.tentacle.cli.TentacleCli;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.MachineTags;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.ServerConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Show script" writes exactly the {@code tentacle} commands that reproduce the setup: run through the real command
 * line in another registry, they give the same configuration and service as the wizard's own installation.
 */
class SetupScriptTest {
    static final Thumbprint SERVER = Thumbprint.parse(SetupWizardViewModelTest.SERVER_THUMBPRINT);

    @TempDir
    Path temp;

    @Test
    void aListeningScriptNamesEveryStepInOrder() {
        var plan = new SetupPlan("Web 01", CommunicationStyle.LISTENING, Path.of("/opt/octopus/web01"),
                Path.of("/srv/apps"), ProxyConfiguration.of("proxy", 3128).withCredentials("svc", "it's secret"),
                Optional.of(new SetupPlan.Listening(10940, SERVER, Optional.of(new FirewallRule("ufw",
                        List.of(Command.posix("ufw", "allow", "10940/tcp")),
                        List.of(Command.posix("ufw", "delete", "allow", "10940/tcp")))))),
                Optional.empty(), true);

        var script = SetupScript.of(plan, OperatingSystem.LINUX);

        assertThat(script.render(false).lines()).containsExactly(
                "tentacle create-instance --instance 'Web 01' --home /opt/octopus/web01",
                "tentacle new-certificate --instance 'Web 01' --if-blank",
                "tentacle configure --instance 'Web 01' --app /srv/apps --port 10940 --trust " + SERVER.hex(),
                "tentacle proxy --instance 'Web 01' --proxyEnable true --proxyHost proxy --proxyPort 3128"
                        + " --proxyUsername svc --proxyPassword '********'",
                "ufw allow 10940/tcp",
                "tentacle service --instance 'Web 01' --install");
        assertThat(script.render(true)).contains("--proxyPassword 'it'\\''s secret'");
    }

    @Test
    void aPollingScriptRegistersWithThePinnedServerAndHidesTheKeyQuotedForWindows() {
        var connection = new ServerConnection(URI.create("https://octopus.example.com:8443/"), "API-SECRET", SERVER);
        var plan = new SetupPlan("Tentacle", CommunicationStyle.POLLING, Path.of("/opt/octopus/tentacle"),
                Path.of("/opt/octopus/tentacle/Applications"), null, Optional.empty(),
                Optional.of(new SetupPlan.Polling(connection, "db01", new MachineTags(List.of("Production"),
                        List.of("db", "sql server"), List.of(), "Critical"))), false);

        var script = SetupScript.of(plan, OperatingSystem.WINDOWS);

        assertThat(script.render(false).lines()).containsExactly(
                "tentacle create-instance --instance Tentacle --home /opt/octopus/tentacle",
                "tentacle new-certificate --instance Tentacle --if-blank",
                "tentacle configure --instance Tentacle --noListen true",
                "tentacle register-with --instance Tentacle --server https://octopus.example.com:8443/ --apiKey ********"
                        + " --server-thumbprint " + SERVER.hex() + " --comms-style TentacleActive --name db01"
                        + " --environment Production --role db --role \"sql server\" --policy Critical");
        assertThat(script.hasSecrets()).isTrue();
        assertThat(script.render(true)).contains("--apiKey API-SECRET").doesNotContain("********");
    }

    @Test
    void theListeningScriptReproducesTheWizardsSetup() throws Exception {
        var cliFixture = new WizardFixture(temp.resolve("cli"));
        var wizardFixture = new WizardFixture(temp.resolve("wizard"));
        var wizard = new SetupWizardViewModel(wizardFixture.directContext(), wizardFixture.services());
        SetupWizardViewModelTest.fillListening(wizard, "Web01", SetupWizardViewModelTest.freePort());
        wizard.proxy().modeProperty().set(ProxyViewModel.Mode.CUSTOM);
        wizard.proxy().hostProperty().set("proxy.example.com");
        wizard.proxy().portProperty().set("8080");
        wizard.storage().applicationsProperty().set(temp.resolve("apps").toString());
        wizard.review().refresh();
        SetupPlan plan = wizard.plan();

        TentacleConfiguration byScript = runScript(cliFixture, wizard.review().setupScript(), "Web01");
        deleteTree(plan.homeDirectory());
        wizard.startInstall();
        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
        TentacleConfiguration byWizard = configuration(wizardFixture, "Web01");

        assertThat(byWizard).isEqualTo(byScript);
        assertThat(unit(wizardFixture, "Web01")).isEqualTo(unit(cliFixture, "Web01")
                .replace(cliFixture.registryDirectory.toString(), wizardFixture.registryDirectory.toString())
                .replace(cliFixture.launcher.toString(), wizardFixture.launcher.toString()));
    }

    @Test
    void thePollingScriptReproducesTheWizardsSetup() throws Exception {
        try (var server = new TestOctopusServer(temp.resolve("server"))) {
            var cliFixture = new WizardFixture(temp.resolve("cli"));
            var wizardFixture = new WizardFixture(temp.resolve("wizard"));
            var wizard = new SetupWizardViewModel(wizardFixture.directContext(), wizardFixture.services());
            PollingSetupViewModelTest.fillPolling(wizard, server, "Db01");
            wizard.pollingServer().verify();
            wizard.registration().environmentsProperty().set("Production");
            wizard.registration().rolesProperty().set("db, cache");
            wizard.review().refresh();
            SetupPlan plan = wizard.plan();

            TentacleConfiguration byScript = runScript(cliFixture, wizard.review().setupScript(), "Db01");
            List<RegisteredMachine> registeredByScript = server.machines();
            server.storage.machines().list(dev.tentacle.server.storage.machines.MachineFilter.all())
                    .forEach(m -> server.storage.machines().remove(m.id()));
            deleteTree(plan.homeDirectory());
            wizard.startInstall();
            assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
            TentacleConfiguration byWizard = configuration(wizardFixture, "Db01");

            assertThat(withoutSubscriptions(byWizard)).isEqualTo(withoutSubscriptions(byScript));
            assertThat(server.machines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "uri",
                    "thumbprint", "created").isEqualTo(registeredByScript);
        }
    }

    private static TentacleConfiguration runScript(WizardFixture fixture, SetupScript script, String instance) {
        CliContext context = CliContext.of(fixture.environment()).withServiceManager(fixture.services);
        for (List<String> arguments : script.tentacleArguments()) {
            var out = new StringWriter();
            var err = new StringWriter();
            int exitCode = TentacleCli.execute(arguments.toArray(String[]::new), new PrintWriter(out),
                    new PrintWriter(err), context);
            assertThat(exitCode).as("tentacle %s\n%s%s", String.join(" ", arguments), out, err).isZero();
        }
        return configuration(fixture, instance);
    }

    private static TentacleConfiguration configuration(WizardFixture fixture, String name) {
        var record = fixture.registry().get(name);
        return new TentacleInstance(record.name(), record.configFile()).configuration();
    }

    private static TentacleConfiguration withoutSubscriptions(TentacleConfiguration configuration) {
        return configuration.withTrustedServers(configuration.trustedServers().stream()
                .map(s -> s.isPolling() ? TrustedServer.polling(s.thumbprint(), s.address(), "x") : s).toList());
    }

    private static String unit(WizardFixture fixture, String instance) throws IOException {
        return Files.readString(fixture.unitFile(instance));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
