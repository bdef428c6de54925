package dev.tentacle.instances.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content of one kind's index file: the registered instances, sorted by name, no two with names equal
 * regardless of case.
 */
record InstanceIndex(List<InstanceRecord> instances) {
    InstanceIndex {
        var sorted = new ArrayList<InstanceRecord>();
        for (InstanceRecord record : instances == null ? List.<InstanceRecord>of() : instances) {
            if (record == null) {
                throw new IllegalArgumentException("The list of instances has an empty (null) entry; remove it.");
            }
            sorted.stream().filter(r -> InstanceName.same(r.name(), record.name())).findFirst().ifPresent(r -> {
                throw new IllegalArgumentException("The instance name '" + record.name() + "' appears twice (also as '"
                        + r.name() + "'; names are compared regardless of case). Remove one of the entries.");
            });
            sorted.add(record);
        }
        sorted.sort(Comparator.comparing((InstanceRecord r) -> InstanceName.key(r.name())));
        instances = List.copyOf(sorted);
    }

    static InstanceIndex empty() {
        return new InstanceIndex(List.of());
    }

    Optional<InstanceRecord> find(String name) {
        return instances.stream().filter(r -> InstanceName.same(r.name(), name)).findFirst();
    }

    InstanceIndex with(InstanceRecord record) {
        var copy = new ArrayList<>(instances);
        copy.add(record);
        return new InstanceIndex(copy);
    }

    InstanceIndex without(String name) {
        return new InstanceIndex(instances.stream().filter(r -> !InstanceName.same(r.name(), name)).toList());
    }
}
