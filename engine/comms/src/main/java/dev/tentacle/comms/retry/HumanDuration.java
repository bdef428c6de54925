package dev.tentacle.comms.retry;

import java.time.Duration;

/** Formats durations the way a person writes them in a machine policy: {@code 2m30s}, {@code 1h5m}, {@code 850ms}. */
final class HumanDuration {

    private HumanDuration() {
    }

    static String format(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
