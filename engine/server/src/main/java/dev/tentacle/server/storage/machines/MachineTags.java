package dev.tentacle.server.storage.machines;

import dev.tentacle.server.storage.internal.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Environments, roles and tenants: trimmed, checked, without case-insensitive duplicates, sorted. */
final class MachineTags {

    private MachineTags() {
    }

    static List<String> normalize(List<String> names, String what) {
        if (names == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            String checked = Names.require(name, what);
            byKey.putIfAbsent(Names.key(checked), checked);
        }
        List<String> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(Names::key));
        return List.copyOf(sorted);
    }
}
