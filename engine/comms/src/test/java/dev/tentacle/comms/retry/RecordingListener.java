package dev.tentacle.comms.retry;

import dev.tentacle.comms.CommsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes each retry event as one line, so a test can compare the whole sequence at once. */
final class RecordingListener implements RetryListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public void attemptFailed(String description, int attemptNumber, CommsException failure, Duration nextDelay) {
        events.add("attemptFailed " + description + " #" + attemptNumber + " " + failure.code() + " next " + nextDelay);
    }

    @Override
    public void gaveUp(String description, int attempts, Duration elapsed, RuntimeException failure) {
        String code = failure instanceof CommsException comms ? comms.code().name() : failure.getClass().getSimpleName();
        events.add("gaveUp " + description + " after " + attempts + " in " + elapsed + " " + code);
    }

    @Override
    public void succeededAfterRetry(String description, int attempts, Duration elapsed) {
        events.add("succeededAfterRetry " + description + " after " + attempts + " in " + elapsed);
    }

    List<String> events() {
        return List.copyOf(events);
    }
}
