package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceManagerException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void anEngineFailureShowsItsMessage() {
        var failure = Failure.of("Could not start the service",
                new CompletionException(new ServiceManagerException("Run it with sudo.")));

        assertThat(failure.message()).isEqualTo("Run it with sudo.");
        assertThat(failure.isUnexpected()).isFalse();
    }

    @Test
    void aBugIsUnexpectedWithDetails() {
        var failure = Failure.of("Could not start the service", new NullPointerException("x"));

        assertThat(failure.message()).startsWith("Unexpected error: java.lang.NullPointerException: x.");
        assertThat(failure.details()).contains("FailureTest");
        assertThat(failure.isUnexpected()).isTrue();
    }
}
