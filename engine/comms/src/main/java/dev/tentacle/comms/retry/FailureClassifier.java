package dev.tentacle.comms.retry;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.util.Objects;

/**
 * The one place that decides whether a failure is worth retrying. The decision rests on the {@link ErrorCode}, never
 * on message text: a network failure ({@link ErrorCode#isNetworkFailure()}) may go away, anything else (an untrusted
 * certificate, a failed service, a cancellation) will fail the same way again.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** True when trying again later may succeed. */
    public static boolean isRetryable(ErrorCode code) {
        return Objects.requireNonNull(code, "code").isNetworkFailure();
    }

    /**
     * True only for a {@link CommsException} whose code is retryable. Any other exception is a bug or a failure the
     * comms stack did not classify, and is never retried.
     */
    public static boolean isRetryable(Throwable failure) {
        return failure instanceof CommsException comms && isRetryable(comms.code());
    }
}
