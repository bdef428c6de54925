package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskFilter;
import dev.tentacle.server.storage.tasks.TaskKind;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server tasks and their targets, on every database. */
abstract class TaskContract extends StorageContract {

    @Test
    void queuesATaskWithATargetPerMachine() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");

        Task task = storage.tasks().create(NewTask.script("Run 'uptime' on 2 machines", "alice", "{\"body\":\"uptime\"}",
                List.of(web.id(), db.id(), web.id())));

        assertThat(task.id()).isNotNull();
        assertThat(task.kind()).isEqualTo(TaskKind.SCRIPT);
        assertThat(task.state()).isEqualTo(TaskState.QUEUED);
        assertThat(task.description()).isEqualTo("Run 'uptime' on 2 machines");
        assertThat(task.requestedBy()).isEqualTo("alice");
        assertThat(task.payload()).isEqualTo("{\"body\":\"uptime\"}");
        assertThat(task.created()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MICROS));
        assertThat(task.started()).isNull();
        assertThat(task.finished()).isNull();
        assertThat(task.cancelRequested()).isFalse();
        assertThat(storage.tasks().get(task.id())).contains(task);
        assertThat(storage.tasks().targets(task.id()))
                .extracting(TaskTarget::machineName, TaskTarget::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db01", TaskState.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("web01", TaskState.QUEUED));
    }

    @Test
    void aTaskOnAnUnknownMachineIsNotQueuedAtAll() {
        Machine web = addMachine("web01");

        assertThatThrownBy(() -> storage.tasks().create(NewTask.healthCheck("Check", "alice",
                List.of(web.id(), new MachineId(999)))))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("Cannot queue a task on Machines-999");
        assertThat(storage.tasks().list(TaskFilter.recent())).isEmpty();
    }

    @Test
    void aQueuedTaskStartsOnce() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check web01", "Scheduler", List.of(addMachine("web01").id())));
        clock.advance(Duration.ofSeconds(5));

        assertThat(storage.tasks().start(task.id())).isTrue();
        assertThat(storage.tasks().start(task.id())).isFalse();

        Task running = storage.tasks().get(task.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.started()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void startNextQueuedTakesTheOldestTaskAndNeverTheSameOneTwice() {
        MachineId web = addMachine("web01").id();
        Task first = storage.tasks().create(NewTask.healthCheck("first", "Scheduler", List.of(web)));
        Task second = storage.tasks().create(NewTask.healthCheck("second", "Scheduler", List.of(web)));

        assertThat(storage.tasks().startNextQueued()).map(Task::id).contains(first.id());
        assertThat(storage.tasks().startNextQueued()).map(Task::id).contains(second.id());
        assertThat(storage.tasks().startNextQueued()).isEmpty();
    }

    @Test
    void finishingRecordsTheOutcomeAndAFinishedTaskNeverChanges() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(addMachine("web01").id())));
        storage.tasks().start(task.id());
        clock.advance(Duration.ofSeconds(3));

        Task failed = storage.tasks().finish(task.id(), TaskState.FAILED, "web01 was unavailable");

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.failureReason()).isEqualTo("web01 was unavailable");
        assertThat(failed.finished()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThatThrownBy(() -> storage.tasks().finish(task.id(), TaskState.SUCCEEDED, null))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("already finished as FAILED");
        assertThat(storage.tasks().get(task.id())).contains(failed);
    }

    @Test
    void finishingNeedsAFinishedState() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of()));

        assertThatThrownBy(() -> storage.tasks().finish(task.id(), TaskState.RUNNING, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUCCEEDED, FAILED or CANCELLED");
    }

    @Test
    void cancellingAQueuedTaskCancelsItAndItsTargetsAtOnce() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(addMachine("web01").id())));

        Task cancelled = storage.tasks().requestCancel(task.id(), "bob");

        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.cancelRequested()).isTrue();
        assertThat(cancelled.failureReason()).isEqualTo("Cancelled by bob");
        assertThat(cancelled.finished()).isNotNull();
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::state).containsExactly(TaskState.CANCELLED);
        assertThat(storage.tasks().start(task.id())).isFalse();
    }

    @Test
    void cancellingARunningTaskFlagsItForItsRunner() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(addMachine("web01").id())));
        storage.tasks().start(task.id());

        Task flagged = storage.tasks().requestCancel(task.id(), "bob");

        assertThat(flagged.state()).isEqualTo(TaskState.RUNNING);
        assertThat(flagged.cancelRequested()).isTrue();
        Task cancelled = storage.tasks().finish(task.id(), TaskState.CANCELLED, "Cancelled by bob");
        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void cancellingAFinishedTaskLeavesItAsItIs() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of()));
        storage.tasks().start(task.id());
        Task succeeded = storage.tasks().finish(task.id(), TaskState.SUCCEEDED, null);

        assertThat(storage.tasks().requestCancel(task.id(), "bob")).isEqualTo(succeeded);
    }

    @Test
    void cancellingAMissingTaskSaysSo() {
        assertThatThrownBy(() -> storage.tasks().requestCancel(new dev.tentacle.server.storage.tasks.TaskId(77), "bob"))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("There is no task ServerTasks-77");
    }

    @Test
    void eachTargetRecordsItsTicketStateAndExitCode() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task task = storage.tasks().create(NewTask.script("Deploy", "alice", "{}", List.of(web.id(), db.id())));
        storage.tasks().start(task.id());

        TaskTarget started = storage.tasks().startTarget(task.id(), web.id(), "ticket-web01-1");
        TaskTarget succeeded = storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, 0, null);
        storage.tasks().startTarget(task.id(), db.id(), "ticket-db01-1");
        TaskTarget failed = storage.tasks().finishTarget(task.id(), db.id(), TaskState.FAILED, 3, "Exit code 3");

        assertThat(started.state()).isEqualTo(TaskState.RUNNING);
        assertThat(started.ticket()).isEqualTo("ticket-web01-1");
        assertThat(succeeded.exitCode()).isZero();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.failureReason()).isEqualTo("Exit code 3");
        assertThat(storage.tasks().targets(task.id())).containsExactly(failed, succeeded);
    }

    @Test
    void aTargetStartsAndFinishesOnlyOnce() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.script("Deploy", "alice", "{}", List.of(web.id())));
        storage.tasks().startTarget(task.id(), web.id(), "ticket-1");
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, 0, null);

        assertThatThrownBy(() -> storage.tasks().startTarget(task.id(), web.id(), "ticket-2"))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("is SUCCEEDED, not QUEUED");
        assertThatThrownBy(() -> storage.tasks().finishTarget(task.id(), web.id(), TaskState.FAILED, 1, "late"))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("already finished as SUCCEEDED");
        assertThatThrownBy(() -> storage.tasks().startTarget(task.id(), new MachineId(999), "ticket"))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("does not run on Machines-999");
    }

    @Test
    void listsTasksNewestFirstByStateAndKind() {
        MachineId web = addMachine("web01").id();
        Task check = storage.tasks().create(NewTask.healthCheck("check", "Scheduler", List.of(web)));
        Task script = storage.tasks().create(NewTask.script("script", "alice", "{}", List.of(web)));
        Task running = storage.tasks().create(NewTask.script("running", "alice", "{}", List.of(web)));
        storage.tasks().start(running.id());

        assertThat(ids(TaskFilter.recent())).containsExactly(running.id(), script.id(), check.id());
        assertThat(ids(TaskFilter.recent().withKind(TaskKind.SCRIPT))).containsExactly(running.id(), script.id());
        assertThat(ids(TaskFilter.recent().withState(TaskState.QUEUED))).containsExactly(script.id(), check.id());
        assertThat(ids(TaskFilter.recent().withLimit(1))).containsExactly(running.id());
    }

    @Test
    void aTaskKeepsItsRecordOfAMachineThatWasRemoved() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id())));

        storage.machines().remove(web.id());

        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::machineId, TaskTarget::machineName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(web.id(), "web01"));
    }

    private List<dev.tentacle.server.storage.tasks.TaskId> ids(TaskFilter filter) {
        return storage.tasks().list(filter).stream().map(Task::id).toList();
    }
}
