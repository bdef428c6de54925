package dev.tentacle.comms.retry;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * An attempt that plays a script: each call takes some fake time and then fails with a given error or returns a
 * value. When the script runs out, the last step repeats. Records when each attempt started.
 */
final class ScriptedAttempt implements Callable<String> {

    private final FakeClock clock;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Instant> starts = new ArrayList<>();
    private Step last;

    private record Step(Duration takes, Exception failure, String result) {
    }

    ScriptedAttempt(FakeClock clock) {
        this.clock = clock;
    }

    ScriptedAttempt fails(ErrorCode code) {
        return fails(code, Duration.ZERO);
    }

    ScriptedAttempt fails(ErrorCode code, Duration takes) {
        return failsWith(new CommsException(code, "attempt " + (steps.size() + 1) + " failed with " + code), takes);
    }

    ScriptedAttempt failsWith(Exception failure, Duration takes) {
        steps.add(new Step(takes, failure, null));
        return this;
    }

    ScriptedAttempt succeeds(String result) {
        steps.add(new Step(Duration.ZERO, null, result));
        return this;
    }

    @Override
    public String call() throws Exception {
        starts.add(clock.instant());
        Step step = steps.isEmpty() ? last : steps.poll();
        last = step;
        clock.advance(step.takes());
        if (step.failure() != null) {
            throw step.failure();
        }
        return step.result();
    }

    int attempts() {
        return starts.size();
    }

    /** Start of each attempt, as time since {@link FakeClock#START}. */
    List<Duration> startOffsets() {
        return starts.stream().map(start -> Duration.between(FakeClock.START, start)).toList();
    }
}
