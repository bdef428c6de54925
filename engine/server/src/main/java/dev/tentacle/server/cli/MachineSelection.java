package dev.tentacle.server.cli;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The machines a task runs on, chosen by name, role or environment; an empty choice is an error that lists the options. */
final class MachineSelection {
    private static final int NAMES_SHOWN = 30;
    private static final int NAMES_IN_DESCRIPTION = 5;

    private MachineSelection() {
    }

    /** The machines with these names (ignoring case), in the order given. */
    static List<Machine> byNames(Storage storage, List<String> names) {
        List<Machine> registered = storage.machines().list(MachineFilter.all());
        Map<String, Machine> byKey = new LinkedHashMap<>();
        registered.forEach(m -> byKey.put(m.name().toLowerCase(Locale.ROOT), m));
        Map<String, Machine> chosen = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Machine machine = byKey.get(name.strip().toLowerCase(Locale.ROOT));
            if (machine == null) {
                unknown.add("'" + name.strip() + "'");
            } else {
                chosen.putIfAbsent(machine.name(), machine);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "No machine is named " + unknown.getFirst()
                    : "No machines are named " + String.join(", ", unknown)) + ". " + known(registered));
        }
        return List.copyOf(chosen.values());
    }

    /** Every registered machine. */
    static List<Machine> all(Storage storage) {
        List<Machine> machines = storage.machines().list(MachineFilter.all());
        if (machines.isEmpty()) {
            throw new IllegalArgumentException(known(machines));
        }
        return machines;
    }

    /** The machines with the role and in the environment, where given. */
    static List<Machine> byTags(Storage storage, String role, String environment) {
        List<Machine> machines = storage.machines().list(MachineFilter.all().withRole(role).withEnvironment(environment));
        if (!machines.isEmpty()) {
            return machines;
        }
        List<Machine> registered = storage.machines().list(MachineFilter.all());
        if (registered.isEmpty()) {
            throw new IllegalArgumentException(known(registered));
        }
        String wanted = role != null && environment != null
                ? "has the role '" + role + "' in the environment '" + environment + "'"
                : role != null ? "has the role '" + role + "'" : "is in the environment '" + environment + "'";
        throw new IllegalArgumentException("No machine " + wanted + ". Roles in use: " + tags(registered, Machine::roles)
                + "; environments: " + tags(registered, Machine::environments)
                + ". See each machine's with: octopus-server machine list");
    }

    /** "web01, web02 and 3 more", for task descriptions. */
    static String describe(List<Machine> machines) {
        List<String> names = machines.stream().limit(NAMES_IN_DESCRIPTION).map(Machine::name).toList();
        int rest = machines.size() - names.size();
        return String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "");
    }

    private static String known(List<Machine> registered) {
        if (registered.isEmpty()) {
            return "No machines are registered yet; register one with: octopus-server machine add-listening (or"
                    + " add-polling)";
        }
        List<String> names = registered.stream().limit(NAMES_SHOWN).map(Machine::name).toList();
        int rest = registered.size() - names.size();
        return "Registered machines: " + String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "")
                + " (octopus-server machine list shows them all)";
    }

    private static String tags(List<Machine> machines, Function<Machine, Collection<String>> tags) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        machines.forEach(m -> all.addAll(tags.apply(m)));
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
