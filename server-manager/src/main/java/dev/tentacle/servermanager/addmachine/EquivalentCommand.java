package dev.tentacle.servermanager.addmachine;

import dev.tentacle.server.storage.machines.NewMachine;
import java.util.ArrayList;
import java.util.List;

/** The {@code octopus-server} command that does what the screen did, for the user to script it next time. */
final class EquivalentCommand {
    private EquivalentCommand() {
    }

    static String addListening(String instance, NewMachine machine) {
        List<String> words = new ArrayList<>(List.of("octopus-server", "machine", "add-listening", "--instance",
                quoted(instance), "--name", quoted(machine.name()), "--url", quoted(machine.uri().toString()),
                "--thumbprint", machine.thumbprint().hex()));
        machine.environments().forEach(e -> words.addAll(List.of("--environment", quoted(e))));
        machine.roles().forEach(r -> words.addAll(List.of("--role", quoted(r))));
        if (machine.policyName() != null) {
            words.addAll(List.of("--policy", quoted(machine.policyName())));
        }
        return String.join(" ", words);
    }

    /** Single quotes for a POSIX shell when the word holds anything but letters, digits and {@code -._:/@}. */
    static String quoted(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-._:/@".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
