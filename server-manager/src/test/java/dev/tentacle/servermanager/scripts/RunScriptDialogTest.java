package dev.tentacle.servermanager.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.servermanager.AppScreens;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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

/** The run script window with TestFX, on two real listening Tentacles of a real server instance. */
@ExtendWith(ApplicationExtension.class)
class RunScriptDialogTest {
    @TempDir
    Path root;

    Stage owner;
    ServerManagerFixture fixture;
    ServerManagerContext context;
    ServerInstance server;
    Storage storage;
    Machine web01;
    Machine web02;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(new Label("Octopus Server Manager")), 300, 200));
        stage.show();
        owner = stage;
    }

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        context = fixture.fxContext();
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
        TestTentacle first = fixture.listeningTentacle(server, "web01");
        TestTentacle second = fixture.listeningTentacle(server, "web02");
        web01 = storage.machines().add(NewMachine.listening("web01", first.uri(), first.identity().thumbprints().sha256())
                .withRoles("web").withEnvironments("Production"));
        web02 = storage.machines().add(NewMachine.listening("web02", second.uri(), second.identity().thumbprints().sha256())
                .withRoles("web").withEnvironments("Production"));
        fixture.startNode(server);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    Stage open(FxRobot robot, List<Machine> preselected) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = RunScriptDialog.show(owner, new RunScriptViewModel(context, server,
                fixture.storages(), preselected.stream().map(Machine::id).toList())));
        WaitForAsyncUtils.waitForFxEvents();
        return dialog[0];
    }

    /** The output section of the machine's tab. */
    static Node section(FxRobot robot, String machine) {
        return robot.lookup(".machine-run").queryAll().stream()
                .filter(node -> ((MachineRun) node.getUserData()).name().equals(machine)).findFirst().orElseThrow();
    }

    static MachineRun run(FxRobot robot, String machine) {
        return (MachineRun) section(robot, machine).getUserData();
    }

    static void awaitFinished(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#cancelButton").queryButton().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runsAScriptOnTwoMachinesAndShowsEachOnesOutputAndExitCode(FxRobot robot) throws Exception {
        Stage dialog = open(robot, List.of(web01, web02));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#selectedLabel").queryAs(Label.class)
                .getText().equals("2 of 2 picked"));
        TextArea script = robot.lookup("#scriptArea").queryAs(TextArea.class);
        assertThat(dialog.getScene().getFocusOwner()).isSameAs(script);
        robot.interact(() -> script.setText(RunScriptViewModelTest.SCRIPT));

        robot.clickOn("#runButton");
        awaitFinished(robot);

        TabPane tabs = robot.lookup("#outputTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(tab -> tab.getText()).containsExactly("Task", "web01", "web02");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("web01");
        assertThat(run(robot, "web01").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(((Label) section(robot, "web01").lookup(".machine-run-status")).getText())
                .isEqualTo("web01: Succeeded, exit code 0");
        assertThat(((Label) section(robot, "web02").lookup(".machine-run-status")).getText())
                .isEqualTo("web02: Failed, exit code 3");
        @SuppressWarnings("unchecked")
        ListView<OutputLine> output = (ListView<OutputLine>) section(robot, "web01").lookup(".output-list");
        assertThat(output.getItems()).filteredOn(line -> line.source() == TaskLogSource.STDOUT)
                .extracting(OutputLine::text).singleElement().satisfies(text -> assertThat(text).contains("web01"));
        assertThat(output.getItems()).contains(new OutputLine(TaskLogSource.STDERR, "a warning"));
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText())
                .matches("Failed: ServerTasks-\\d+ succeeded on 1 of 2 machines; not on web02 \\(failed, exit code 3\\)\\.");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
        Path screenshot = Screenshots.save(dialog.getScene(), "server-manager-run-script.png");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    @Test
    void picksMachinesByRoleThenCancelsALongRunningScript(FxRobot robot) throws Exception {
        robot.interact(() -> new AppScreens(context, fixture.storages()).runScript(owner, server, List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        Window window = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle().equals("Run a script on the machines of Main")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        ComboBox<String> roles = robot.lookup("#roleBox").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> roles.getItems().contains("web"));
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).isEqualTo("Pick the machines to run the script on.");

        robot.interact(() -> roles.getSelectionModel().select("web"));
        robot.clickOn("#selectRoleButton");
        assertThat(robot.lookup("#selectedLabel").queryAs(Label.class).getText()).isEqualTo("2 of 2 picked");
        robot.clickOn("#scriptArea").write("echo started; sleep 60");
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".machine-run").queryAll().size() == 2
                && run(robot, "web01").output().contains(new OutputLine(TaskLogSource.STDOUT, "started"))
                && run(robot, "web02").output().contains(new OutputLine(TaskLogSource.STDOUT, "started")));
        assertThat(robot.lookup("#machineList").query().isDisabled()).isTrue();

        robot.clickOn("#cancelButton");
        awaitFinished(robot);

        assertThat(run(robot, "web01").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(run(robot, "web02").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).startsWith("Cancelled: ");
        robot.interact(((Stage) window)::close);
    }
}
