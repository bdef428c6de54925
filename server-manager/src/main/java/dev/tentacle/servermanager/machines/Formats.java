package dev.tentacle.servermanager.machines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the machines pane and the health check write times, latencies and lists. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** A time in this computer's time zone, to the second; empty for null. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code 12 ms}; empty for null (the machine did not answer). */
    public static String latency(Duration latency) {
        return latency == null ? "" : latency.toMillis() + " ms";
    }

    /** {@code 1 h}, {@code 2 min 30 s}, {@code 500 ms}: the largest units first, zero parts left out. */
    public static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0 s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "min");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(amount).append(' ').append(unit);
        }
    }

    /** The names separated by commas. */
    public static String list(List<String> names) {
        return String.join(", ", names);
    }
}
