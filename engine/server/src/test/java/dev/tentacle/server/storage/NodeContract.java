package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Server nodes' heartbeats and the health-check schedule they share, on every database. */
abstract class NodeContract extends StorageContract {

    @Test
    void aNodeRecordsItsStartAndHeartbeats() {
        storage.nodes().started("node-a", 10943, "https://localhost:8443/api");
        clock.advance(Duration.ofSeconds(10));

        storage.nodes().heartbeat("node-a");

        ServerNodeRecord node = storage.nodes().list().getFirst();
        assertThat(node.name()).isEqualTo("node-a");
        assertThat(node.commsPort()).isEqualTo(10943);
        assertThat(node.apiUrl()).isEqualTo("https://localhost:8443/api");
        assertThat(node.lastSeen()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(node.started()).isBefore(node.lastSeen());
    }

    @Test
    void aRestartedNodeRenewsItsRecord() {
        storage.nodes().started("node-a", 10943, null);
        clock.advance(Duration.ofMinutes(5));

        storage.nodes().started("node-a", 10944, null);

        assertThat(storage.nodes().list()).singleElement().satisfies(node -> {
            assertThat(node.commsPort()).isEqualTo(10944);
            assertThat(node.apiUrl()).isNull();
            assertThat(node.started()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        });
    }

    @Test
    void silentNodesAreThoseNotSeenSinceTheGivenTimeOtherThanTheAsker() {
        storage.nodes().started("node-a", 10943, null);
        storage.nodes().started("node-b", 10943, null);
        clock.advance(Duration.ofMinutes(3));
        storage.nodes().heartbeat("node-b");

        assertThat(storage.nodes().silentSince(clock.instant().minus(Duration.ofMinutes(2)), "node-b"))
                .extracting(ServerNodeRecord::name).containsExactly("node-a");
        assertThat(storage.nodes().silentSince(clock.instant().minus(Duration.ofMinutes(2)), "node-a")).isEmpty();
        assertThat(storage.nodes().remove("node-a")).isTrue();
        assertThat(storage.nodes().remove("node-a")).isFalse();
    }

    @Test
    void aDueHealthCheckIsClaimedOnceAndComesBackAfterThePolicyInterval() {
        storage.machinePolicies().add(MachinePolicySettings.defaults("Often").withHealthCheckInterval(Duration.ofMinutes(5)));
        Machine web = storage.machines().add(listening("web01").withPolicy("Often"));
        Machine db = addMachine("db01");

        assertThat(storage.healthSchedule().claimDue(10)).containsExactlyInAnyOrder(web.id(), db.id());
        assertThat(storage.healthSchedule().claimDue(10)).as("claimed: not due again yet").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(storage.healthSchedule().claimDue(10)).containsExactly(web.id());
        clock.advance(Duration.ofMinutes(55));
        assertThat(storage.healthSchedule().claimDue(10)).containsExactlyInAnyOrder(web.id(), db.id());
    }

    @Test
    void claimingDueChecksHonoursTheLimit() {
        addMachine("web01");
        addMachine("web02");
        addMachine("web03");

        assertThat(storage.healthSchedule().claimDue(2)).hasSize(2);
        assertThat(storage.healthSchedule().claimDue(2)).hasSize(1);
        assertThatThrownBy(() -> storage.healthSchedule().claimDue(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
