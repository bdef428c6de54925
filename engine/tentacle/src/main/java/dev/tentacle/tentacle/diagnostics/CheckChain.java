package dev.tentacle.tentacle.diagnostics;

import java.util.List;

/**
 * Checks that depend on one another and run in order, such as a polled server's name, then its port, then its
 * certificate. Different chains are independent and run at the same time.
 */
record CheckChain(List<Step> steps) {
    CheckChain {
        steps = List.copyOf(steps);
    }

    static CheckChain of(Step... steps) {
        return new CheckChain(List.of(steps));
    }
}
