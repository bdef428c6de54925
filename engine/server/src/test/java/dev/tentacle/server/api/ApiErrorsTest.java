package dev.tentacle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.StorageUnavailableException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    @Test
    void unavailableDatabaseIsServiceUnavailableWithItsMessage() {
        ApiError error = ApiErrors.fromStorage(new StorageUnavailableException(
                "Cannot reach the Octopus Server database; is PostgreSQL running?", "jdbc:postgresql://db/octopus", null));

        assertThat(error.code()).isEqualTo(ApiErrorCode.STORAGE_UNAVAILABLE);
        assertThat(error.code().status()).isEqualTo(503);
        assertThat(error.error()).isEqualTo("Cannot reach the Octopus Server database; is PostgreSQL running?");
    }

    @Test
    void notFoundAndConflictKeepTheirMeaning() {
        assertThat(ApiErrors.fromStorage(new StorageNotFoundException("no")).code().status()).isEqualTo(404);
        assertThat(ApiErrors.fromStorage(new StorageConflictException("taken")).code().status()).isEqualTo(409);
        assertThat(ApiErrors.fromStorage(new StorageException("broken")).code().status()).isEqualTo(500);
    }
}
