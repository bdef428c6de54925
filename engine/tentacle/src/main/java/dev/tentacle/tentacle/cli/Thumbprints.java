package dev.tentacle.tentacle.cli;

import dev.tentacle.comms.Thumbprint;
import java.util.List;

/** Parses thumbprints given on the command line, naming the option in the error. */
final class Thumbprints {
    private Thumbprints() {
    }

    static Thumbprint parse(String option, String text) {
        try {
            return Thumbprint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for " + option + ": " + e.getMessage(), e);
        }
    }

    static List<Thumbprint> parseAll(String option, List<String> texts) {
        return texts.stream().map(text -> parse(option, text)).toList();
    }
}
