package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.QueuedTarget;
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
    void aPartIsClaimedByOneNodeOnlyAndStartsItsTask() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.script("Deploy", "alice", "{}", List.of(web.id())));
        clock.advance(Duration.ofSeconds(5));

        TaskTarget claimed = storage.tasks().claimTarget(task.id(), web.id(), "node-a", "ticket-1").orElseThrow();

        assertThat(claimed.state()).isEqualTo(TaskState.RUNNING);
        assertThat(claimed.claimedBy()).isEqualTo("node-a");
        assertThat(claimed.ticket()).isEqualTo("ticket-1");
        assertThat(claimed.started()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(storage.tasks().claimTarget(task.id(), web.id(), "node-b", "ticket-2")).isEmpty();
        Task running = storage.tasks().get(task.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.started()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThatThrownBy(() -> storage.tasks().claimTarget(task.id(), new MachineId(999), "node-a", null))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("does not run on Machines-999");
    }

    @Test
    void queuedPartsAreListedOldestTaskFirstWithoutThoseClaimedOrCancelled() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task first = storage.tasks().create(NewTask.healthCheck("first", "Scheduler", List.of(web.id(), db.id())));
        Task cancelled = storage.tasks().create(NewTask.healthCheck("cancelled", "Scheduler", List.of(web.id())));
        Task second = storage.tasks().create(NewTask.script("second", "alice", "{}", List.of(web.id())));
        storage.tasks().requestCancel(cancelled.id(), "bob");
        storage.tasks().claimTarget(first.id(), db.id(), "node-a", null);

        assertThat(storage.tasks().queuedTargets(10))
                .extracting(QueuedTarget::taskId, QueuedTarget::machineName, QueuedTarget::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), "web01", TaskKind.HEALTH_CHECK),
                        org.assertj.core.groups.Tuple.tuple(second.id(), "web01", TaskKind.SCRIPT));
        assertThat(storage.tasks().queuedTargets(1)).hasSize(1);
        assertThat(storage.tasks().queuedTargets(10).getFirst().taskQueued()).isEqualTo(first.created());
        assertThatThrownBy(() -> storage.tasks().queuedTargets(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskFinishesWhenItsLastPartDoesAndNamesTheMachinesItFailedOn() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task task = storage.tasks().create(NewTask.script("Deploy", "alice", "{}", List.of(web.id(), db.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", "t1");
        storage.tasks().claimTarget(task.id(), db.id(), "node-b", "t2");
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, 0, null);

        assertThat(storage.tasks().finishIfComplete(task.id())).isEmpty();

        storage.tasks().finishTarget(task.id(), db.id(), TaskState.FAILED, 3, "Exit code 3");
        Task finished = storage.tasks().finishIfComplete(task.id()).orElseThrow();
        assertThat(finished.state()).isEqualTo(TaskState.FAILED);
        assertThat(finished.failureReason()).startsWith("Failed on 1 of 2 machine(s): db01.");
        assertThat(storage.tasks().finishIfComplete(task.id())).as("only one caller finishes it").isEmpty();
    }

    @Test
    void aTaskWhosePartsAllSucceededSucceeds() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", null);
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, null, null);

        Task finished = storage.tasks().finishIfComplete(task.id()).orElseThrow();

        assertThat(finished.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(finished.failureReason()).isNull();
        assertThat(finished.finished()).isNotNull();
    }

    @Test
    void aTaskOnNoMachinesIsFinishedAtOnce() {
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of()));

        assertThat(task.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.finished()).isNotNull();
    }

    @Test
    void finishingRecordsTheOutcomeAndAFinishedTaskNeverChanges() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", null);
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
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(addMachine("web01").id())));

        assertThatThrownBy(() -> storage.tasks().finish(task.id(), TaskState.RUNNING, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUCCEEDED, FAILED or CANCELLED");
    }

    @Test
    void cancellingAQueuedTaskCancelsItAndItsTargetsAtOnce() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id())));

        Task cancelled = storage.tasks().requestCancel(task.id(), "bob");

        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.cancelRequested()).isTrue();
        assertThat(cancelled.failureReason()).isEqualTo("Cancelled by bob");
        assertThat(cancelled.finished()).isNotNull();
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::state).containsExactly(TaskState.CANCELLED);
        assertThat(storage.tasks().claimTarget(task.id(), web.id(), "node-a", null)).isEmpty();
    }

    @Test
    void cancellingARunningTaskCancelsItsWaitingPartsAndFlagsTheRunningOnes() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id(), db.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", null);

        Task flagged = storage.tasks().requestCancel(task.id(), "bob");

        assertThat(flagged.state()).isEqualTo(TaskState.RUNNING);
        assertThat(flagged.cancelRequested()).isTrue();
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::machineName, TaskTarget::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db01", TaskState.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("web01", TaskState.RUNNING));
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.CANCELLED, null, "Cancelled: interrupted");
        Task cancelled = storage.tasks().finishIfComplete(task.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.failureReason()).isEqualTo("Cancelled by bob");
    }

    @Test
    void cancellingARunningTaskWithNothingRunningFinishesIt() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id(), db.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", null);
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, null, null);

        Task cancelled = storage.tasks().requestCancel(task.id(), "bob");

        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void cancellingAFinishedTaskLeavesItAsItIs() {
        Task succeeded = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of()));

        assertThat(storage.tasks().requestCancel(succeeded.id(), "bob")).isEqualTo(succeeded);
    }

    @Test
    void theRunningPartsOfAStoppedNodeAreFailedSoTheirTasksCanFinish() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Task task = storage.tasks().create(NewTask.healthCheck("Check", "alice", List.of(web.id(), db.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", null);
        storage.tasks().claimTarget(task.id(), db.id(), "node-b", null);
        storage.tasks().finishTarget(task.id(), db.id(), TaskState.SUCCEEDED, null, null);

        List<dev.tentacle.server.storage.tasks.TaskId> affected = storage.tasks().abandonClaimsOf("node-a", "node-a stopped");

        assertThat(affected).containsExactly(task.id());
        assertThat(storage.tasks().abandonClaimsOf("node-a", "again")).isEmpty();
        Task failed = storage.tasks().finishIfComplete(task.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(storage.tasks().targets(task.id())).filteredOn(t -> t.machineName().equals("web01"))
                .extracting(TaskTarget::failureReason).containsExactly("node-a stopped");
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

        TaskTarget started = storage.tasks().claimTarget(task.id(), web.id(), "node-a", "ticket-web01-1").orElseThrow();
        TaskTarget succeeded = storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, 0, null);
        storage.tasks().claimTarget(task.id(), db.id(), "node-a", "ticket-db01-1");
        TaskTarget failed = storage.tasks().finishTarget(task.id(), db.id(), TaskState.FAILED, 3, "Exit code 3");

        assertThat(started.state()).isEqualTo(TaskState.RUNNING);
        assertThat(started.ticket()).isEqualTo("ticket-web01-1");
        assertThat(succeeded.exitCode()).isZero();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.failureReason()).isEqualTo("Exit code 3");
        assertThat(storage.tasks().targets(task.id())).containsExactly(failed, succeeded);
    }

    @Test
    void aTargetFinishesOnlyOnce() {
        Machine web = addMachine("web01");
        Task task = storage.tasks().create(NewTask.script("Deploy", "alice", "{}", List.of(web.id())));
        storage.tasks().claimTarget(task.id(), web.id(), "node-a", "ticket-1");
        storage.tasks().finishTarget(task.id(), web.id(), TaskState.SUCCEEDED, 0, null);

        assertThat(storage.tasks().claimTarget(task.id(), web.id(), "node-a", "ticket-2")).isEmpty();
        assertThatThrownBy(() -> storage.tasks().finishTarget(task.id(), web.id(), TaskState.FAILED, 1, "late"))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("already finished as SUCCEEDED");
    }

    @Test
    void listsTasksNewestFirstByStateAndKind() {
        MachineId web = addMachine("web01").id();
        Task check = storage.tasks().create(NewTask.healthCheck("check", "Scheduler", List.of(web)));
        Task script = storage.tasks().create(NewTask.script("script", "alice", "{}", List.of(web)));
        Task running = storage.tasks().create(NewTask.script("running", "alice", "{}", List.of(web)));
        storage.tasks().claimTarget(running.id(), web, "node-a", null);

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

    @Test
    void listsAMachinesPartsOfItsTasksNewestFirst() {
        MachineId web = addMachine("web01").id();
        MachineId db = addMachine("db01").id();
        Task check = storage.tasks().create(NewTask.healthCheck("check", "Scheduler", List.of(web, db)));
        Task script = storage.tasks().create(NewTask.script("script", "alice", "{}", List.of(db)));
        Task running = storage.tasks().create(NewTask.script("running", "alice", "{}", List.of(web)));
        storage.tasks().claimTarget(running.id(), web, "node-a", null);

        assertThat(storage.tasks().targetsOfMachine(web, 10)).extracting(TaskTarget::taskId, TaskTarget::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(running.id(), TaskState.RUNNING),
                        org.assertj.core.groups.Tuple.tuple(check.id(), TaskState.QUEUED));
        assertThat(storage.tasks().targetsOfMachine(db, 1)).extracting(TaskTarget::taskId).containsExactly(script.id());
        assertThat(storage.tasks().targetsOfMachine(new MachineId(999), 10)).isEmpty();
        assertThatThrownBy(() -> storage.tasks().targetsOfMachine(web, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 1000, was 0");
    }

    private List<dev.tentacle.server.storage.tasks.TaskId> ids(TaskFilter filter) {
        return storage.tasks().list(filter).stream().map(Task::id).toList();
    }
}
