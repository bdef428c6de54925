package dev.tentacle.contracts.scripts;

final class LogSequences {
    private LogSequences() {
    }

    static void requireValid(long lastLogSequence) {
        if (lastLogSequence < 0) {
            throw new IllegalArgumentException("lastLogSequence is 0 to read a log from its start, or the nextLogSequence of the previous "
                    + "answer; got " + lastLogSequence + ".");
        }
    }
}
