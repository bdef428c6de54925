package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureClassifierTest {

    private static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.TLS_HANDSHAKE_FAILED,
            ErrorCode.CONNECTION_REFUSED, ErrorCode.DNS_FAILURE, ErrorCode.TIMEOUT, ErrorCode.CONNECTION_LOST,
            ErrorCode.PICKUP_TIMEOUT, ErrorCode.PROXY_FAILED, ErrorCode.PRE_AUTHENTICATION_TIMEOUT,
            ErrorCode.SHUTTING_DOWN);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void retriesExactlyTheNetworkFailures(ErrorCode code) {
        assertThat(FailureClassifier.isRetryable(code)).isEqualTo(RETRYABLE.contains(code));
        assertThat(FailureClassifier.isRetryable(new CommsException(code, "failed"))).isEqualTo(RETRYABLE.contains(code));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"UNTRUSTED_PEER", "SERVICE_FAILED", "CANCELLED"})
    void neverRetriesTrustServiceOrCancellationFailures(ErrorCode code) {
        assertThat(FailureClassifier.isRetryable(new CommsException(code, "connection reset by peer"))).isFalse();
    }

    @Test
    void neverRetriesAnExceptionOutsideTheCommsStackEvenIfItLooksLikeANetworkError() {
        assertThat(FailureClassifier.isRetryable(new IOException("Connection reset by peer"))).isFalse();
        assertThat(FailureClassifier.isRetryable(new IllegalStateException("timeout"))).isFalse();
        assertThat(FailureClassifier.isRetryable((Throwable) null)).isFalse();
    }
}
