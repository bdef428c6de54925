package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.TaskFilter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Transactions commit or roll back as a whole, on every database. */
abstract class TransactionContract extends StorageContract {

    @Test
    void commitsEverythingTheWorkDid() {
        Machine machine = storage.inTransaction(tx -> {
            Machine added = tx.machines().add(listening("web01"));
            tx.healthChecks().record(HealthCheckResult.unavailable(added.id(), clock.instant(), "refused"));
            tx.tasks().create(NewTask.healthCheck("Check web01", "alice", List.of(added.id())));
            return added;
        });

        assertThat(storage.machines().get(machine.id())).contains(machine);
        assertThat(storage.healthChecks().history(machine.id(), 10)).hasSize(1);
        assertThat(storage.tasks().list(TaskFilter.recent())).hasSize(1);
    }

    @Test
    void workThatThrowsMidwayLeavesNothingWritten() {
        RuntimeException failure = new IllegalStateException("the health check runner crashed");

        assertThatThrownBy(() -> storage.runInTransaction(tx -> {
            Machine added = tx.machines().add(listening("web01"));
            tx.healthChecks().record(HealthCheckResult.unavailable(added.id(), clock.instant(), "refused"));
            tx.tasks().create(NewTask.healthCheck("Check web01", "alice", List.of(added.id())));
            tx.apiKeys().create("ci");
            throw failure;
        })).isSameAs(failure);

        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
        assertThat(storage.tasks().list(TaskFilter.recent())).isEmpty();
        assertThat(storage.apiKeys().list()).isEmpty();
    }

    @Test
    void aStorageErrorMidwayRollsBackTheWholeTransaction() {
        addMachine("web02");

        assertThatThrownBy(() -> storage.runInTransaction(tx -> {
            tx.machines().add(listening("web01"));
            tx.machines().add(listening("WEB02"));
        })).isInstanceOf(StorageConflictException.class);

        assertThat(storage.machines().list(MachineFilter.all())).extracting(Machine::name).containsExactly("web02");
    }

    @Test
    void workMayRecoverFromAFailedCallAndStillCommitTheRest() {
        addMachine("web02");

        storage.runInTransaction(tx -> {
            tx.machines().add(listening("web01"));
            try {
                tx.machines().add(listening("web02"));
            } catch (StorageConflictException expected) {
                tx.machines().add(listening("web02-second"));
            }
        });

        assertThat(storage.machines().list(MachineFilter.all())).extracting(Machine::name)
                .containsExactly("web01", "web02", "web02-second");
    }

    @Test
    void repositoriesOfAFinishedTransactionRefuseWork() {
        AtomicReference<Repositories> leaked = new AtomicReference<>();
        storage.runInTransaction(leaked::set);

        assertThatThrownBy(() -> leaked.get().machines().add(listening("web01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The transaction is over");
    }

    @Test
    void otherConnectionsDoNotSeeUncommittedWork() {
        storage.runInTransaction(tx -> {
            tx.machines().add(listening("web01"));
            assertThat(storage.machines().findByName("web01")).isEmpty();
            assertThat(tx.machines().findByName("web01")).isPresent();
        });

        assertThat(storage.machines().findByName("web01")).isPresent();
    }
}
