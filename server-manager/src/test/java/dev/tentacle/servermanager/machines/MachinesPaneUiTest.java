package dev.tentacle.servermanager.machines;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.health.HealthChecks;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.net.Ports;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The machines pane driven with TestFX against a real server instance with H2 storage and real Tentacles: the table
 * and the details, filter and search, a health check of several machines started from the pane, removing a machine,
 * and a database that is down.
 */
@ExtendWith(ApplicationExtension.class)
class MachinesPaneUiTest {
    static final String NO_RETRIES = "No retries";

    @TempDir
    Path root;

    Stage stage;
    StackPane holder;
    ServerManagerFixture fixture;
    ServerManagerContext context;
    final SimpleObjectProperty<ServerInstance> selected = new SimpleObjectProperty<>();
    final List<String> scriptsRun = new ArrayList<>();

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        new Appearance().style(holder);
        primary.setScene(new Scene(holder, 1280, 760));
        primary.setTitle("Octopus Server Manager");
        primary.show();
        stage = primary;
    }

    @BeforeEach
    void setUp(FxRobot robot) {
        fixture = new ServerManagerFixture(root);
        context = fixture.fxContext();
        robot.interact(() -> holder.getChildren().setAll(MachinesPane.create(context, fixture.storages(), selected,
                new MachineActions() {
                    @Override
                    public void checkHealth(Window owner, ServerInstance instance, List<MachineId> machines,
                            Runnable closed) {
                        HealthChecks.open(owner, context, fixture.storages(), instance, machines, closed);
                    }

                    @Override
                    public void runScript(Window owner, ServerInstance instance, List<MachineId> machines) {
                        scriptsRun.add(instance.name() + " " + machines);
                    }
                })));
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            holder.getChildren().clear();
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        });
        fixture.close();
    }

    /**
     * A server with web01 (running) and web02 (stopped) listening and db01 polling (never checked), tagged, the
     * listening ones under a policy without retries.
     */
    private ServerInstance serverWithMachines() {
        ServerInstance server = fixture.createServer("Main");
        Storage storage = fixture.storage(server);
        storage.machinePolicies().add(MachinePolicySettings.defaults(NO_RETRIES).withRpcRetryEnabled(false));
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        storage.machines().add(NewMachine.listening("web01", web01.uri(), web01.identity().thumbprints().sha256())
                .withEnvironments("Production").withRoles("web", "api").withPolicy(NO_RETRIES));
        TestTentacle web02 = fixture.listeningTentacle(server, "web02");
        storage.machines().add(NewMachine.listening("web02", web02.uri(), web02.identity().thumbprints().sha1())
                .withEnvironments("Staging").withRoles("web").withPolicy(NO_RETRIES));
        web02.stop();
        storage.machines().add(NewMachine.polling("db01", "x7k2m9qp4wd3b8n5r1t6", web01.identity().thumbprints()
                .sha256()).withEnvironments("Production").withRoles("db"));
        return server;
    }

    private void show(FxRobot robot, ServerInstance server) {
        robot.interact(() -> selected.set(server));
    }

    @SuppressWarnings("unchecked")
    private static TableView<MachineRow> table(FxRobot robot) {
        return robot.lookup("#machinesTable").queryAs(TableView.class);
    }

    private static List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(MachineRow::name).toList();
    }

    private static MachineRow row(FxRobot robot, String name) {
        return table(robot).getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The table's row of the machine, once the table has laid it out. */
    private static Node rowNode(FxRobot robot, String name) throws TimeoutException {
        Node[] found = new Node[1];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            found[0] = robot.lookup("#machinesTable").lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem()
                    instanceof MachineRow machine && machine.name().equals(name)).tryQuery().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Opens the combo box and clicks the choice in its list. */
    private static void choose(FxRobot robot, String comboBox, String choice) {
        robot.clickOn(comboBox);
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                choice.equals(c.getText())).queryAs(Node.class));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTableShowsTheMachinesInStorageAndTheDetailsOfTheSelectedOne(FxRobot robot) throws Exception {
        ServerInstance server = serverWithMachines();
        Machine web01 = fixture.storage(server).machines().findByName("web01").orElseThrow();

        show(robot, server);
        waitUntil(() -> names(robot).size() == 3, 15);

        assertThat(names(robot)).containsExactly("db01", "web01", "web02");
        assertThat(row(robot, "db01").mode()).isEqualTo("Polling");
        assertThat(row(robot, "db01").address()).isEqualTo("poll://x7k2m9qp4wd3b8n5r1t6/");
        assertThat(row(robot, "web01").roles()).isEqualTo("api, web");
        assertThat(text(robot, "#summaryLabel")).isEqualTo("3 machines");
        assertThat(robot.lookup("#detailsEmpty").query().isVisible()).isTrue();
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isTrue();

        robot.clickOn(rowNode(robot, "web01"));
        waitUntil(() -> !robot.lookup("#detailsPolicy").queryAs(Label.class).getText().isEmpty(), 10);

        assertThat(text(robot, "#detailsTitle")).isEqualTo("web01 (listening)");
        assertThat(robot.lookup("#detailsThumbprint").queryAs(TextField.class).getText())
                .isEqualTo("SHA-256 " + web01.thumbprint().hex());
        assertThat(text(robot, "#detailsPolicy")).isEqualTo("No retries: health check every 1 h, calls not retried");
        assertThat(text(robot, "#detailsHealth")).isEqualTo("Not checked yet");
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isFalse();

        robot.clickOn("#runScriptButton");
        assertThat(scriptsRun).containsExactly("Main [" + web01.id() + "]");
    }

    @Test
    void filtersAndSearchNarrowTheTable(FxRobot robot) throws Exception {
        show(robot, serverWithMachines());
        waitUntil(() -> names(robot).size() == 3, 15);

        robot.clickOn("#searchField").write("web");
        waitUntil(() -> names(robot).size() == 2, 5);
        assertThat(names(robot)).containsExactly("web01", "web02");
        assertThat(text(robot, "#summaryLabel")).isEqualTo("2 of 3 machines shown");

        choose(robot, "#environmentFilter", "Staging");
        waitUntil(() -> names(robot).size() == 1, 5);
        assertThat(names(robot)).containsExactly("web02");

        robot.clickOn("#clearFiltersButton");
        choose(robot, "#modeFilter", "Polling");
        waitUntil(() -> names(robot).size() == 1, 5);
        assertThat(names(robot)).containsExactly("db01");
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEmpty();

        robot.clickOn("#clearFiltersButton");
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).setText("zz"));
        waitUntil(() -> names(robot).isEmpty(), 5);
        assertThat(robot.lookup("No machine matches the filter and search.").tryQuery()).isPresent();
    }

    @Test
    void healthCheckingSeveralMachinesShowsEachResultWithTheHintAndTheTableFollows(FxRobot robot) throws Exception {
        show(robot, serverWithMachines());
        waitUntil(() -> names(robot).size() == 3, 15);
        robot.clickOn(rowNode(robot, "web01"));
        robot.press(KeyCode.CONTROL).clickOn(rowNode(robot, "web02")).release(KeyCode.CONTROL);
        assertThat(table(robot).getSelectionModel().getSelectedItems()).hasSize(2);

        robot.clickOn("#checkButton");
        waitUntil(() -> robot.lookup("#healthRerun").tryQuery().isPresent()
                && !robot.lookup("#healthRerun").queryButton().isDisabled(), 60);

        @SuppressWarnings("unchecked")
        ListView<dev.tentacle.servermanager.health.MachineResult> results = robot.lookup("#healthResults")
                .queryAs(ListView.class);
        assertThat(results.getItems()).extracting(r -> r.name() + " " + r.state())
                .containsExactly("web01 HEALTHY", "web02 UNAVAILABLE");
        assertThat(text(robot, "#healthSummary")).isEqualTo("1 of 2 machines healthy; 1 needs attention: what to check"
                + " is under each.");
        assertThat(robot.lookup(".machine-hint").queryAllAs(Label.class)).filteredOn(Node::isVisible)
                .singleElement().satisfies(hint -> assertThat(hint.getText()).startsWith("Nothing is listening at"
                        + " 127.0.0.1:"));
        Stage health = (Stage) robot.lookup("#healthResults").query().getScene().getWindow();
        Path shot = Screenshots.save(health.getScene(), "server-manager-health-check.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        robot.clickOn("#healthClose");
        waitUntil(() -> row(robot, "web02").statusText().equals("Unavailable"), 10);

        assertThat(row(robot, "web01").statusText()).isEqualTo("Healthy");
        assertThat(row(robot, "db01").statusText()).isEqualTo("Not checked");
        assertThat(table(robot).getSelectionModel().getSelectedItems()).extracting(MachineRow::name)
                .containsExactly("web01", "web02");
        robot.clickOn(rowNode(robot, "web02"));
        waitUntil(() -> robot.lookup("#detailsHint").queryAs(Label.class).isVisible(), 10);
        assertThat(text(robot, "#detailsHint")).startsWith("Nothing is listening at 127.0.0.1:");
        assertThat(robot.lookup("#historyTable").queryTableView().getItems()).hasSize(1);
        assertThat(robot.lookup("#tasksTable").queryTableView().getItems()).hasSize(1);
        Path pane = Screenshots.save(stage.getScene(), "server-manager-machines.png");
        assertThat(Files.size(pane)).isGreaterThan(10_000);

        robot.interact(() -> robot.lookup("#detailsScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#tasksTable").lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() != null)
                .queryAs(Node.class));
        robot.clickOn("#taskLogButton");
        waitUntil(() -> robot.lookup("#taskLogLines").tryQuery().isPresent()
                && robot.lookup("#taskLogLines").queryListView().getItems().size() >= 2, 10);
        assertThat(robot.lookup("#taskLogLines").queryListView().getItems()).anySatisfy(line ->
                assertThat(line.toString()).contains("[server] web02: UNAVAILABLE: [CONNECTION_REFUSED]"));
        robot.clickOn("#taskLogClose");
    }

    @Test
    void removingAMachineAsksFirstAndTakesItOutOfTheTable(FxRobot robot) throws Exception {
        ServerInstance server = serverWithMachines();
        show(robot, server);
        waitUntil(() -> names(robot).size() == 3, 15);
        robot.clickOn(rowNode(robot, "web02"));

        robot.clickOn("#removeButton");
        waitUntil(() -> robot.lookup("#removalQuestion").tryQuery().isPresent(), 5);
        assertThat(text(robot, "#removalQuestion")).startsWith("Remove the machine 'web02' from this server?");
        robot.clickOn("Cancel");
        assertThat(names(robot)).hasSize(3);

        robot.clickOn("#removeButton");
        waitUntil(() -> robot.lookup("#removalQuestion").tryQuery().isPresent(), 5);
        robot.clickOn("Remove");
        waitUntil(() -> names(robot).size() == 2, 10);

        assertThat(names(robot)).containsExactly("db01", "web01");
        assertThat(text(robot, "#noticeLabel")).isEqualTo("Removed web02.");
        assertThat(fixture.storage(server).machines().findByName("web02")).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownShowsItsErrorAboveTheTable(FxRobot robot) throws Exception {
        int port = Ports.freeLoopbackPort();
        ServerInstance server = fixture.createServer("OnPostgres");
        server.update(c -> c.withStorageConnectionString("jdbc:postgresql://localhost:" + port + "/postgres"));

        show(robot, server);
        waitUntil(() -> robot.lookup("#problemLabel").queryAs(Label.class).isVisible(), 20);

        assertThat(text(robot, "#problemLabel")).startsWith("The machines cannot be read: Cannot reach the Octopus"
                + " Server database jdbc:postgresql://localhost:" + port + "/postgres")
                .contains("Is PostgreSQL running on localhost:" + port);
        assertThat(robot.lookup("#checkAllButton").queryButton().isDisabled()).isTrue();
        robot.interact(() -> selected.set(null));
    }
}
