package dev.tentacle.servermanager.setup;

import java.util.Optional;

/** A port number as the user types it. */
final class PortText {
    private PortText() {
    }

    /** The port, when the text is a number from 1 to 65535. */
    static Optional<Integer> parse(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.strip());
            return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why the text is not a port, naming the usual one; empty when it is one. */
    static Optional<String> problem(String text, String what, int usual) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            return Optional.of("Give the " + what + "; the usual one is " + usual + ".");
        }
        return parse(given).isPresent() ? Optional.empty() : Optional.of("'" + given + "' is not a port: give a number"
                + " from 1 to 65535, such as " + usual + ".");
    }
}
