package dev.tentacle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiAuthenticationTest {

    @TempDir
    Path directory;
    ApiTestServer api;

    @BeforeEach
    void start() {
        api = new ApiTestServer(directory);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void serverInfoIsOpenAndShowsBothThumbprintsAndThePollingPort() {
        ApiTestClient.Response response = api.client.withKey(null).get("/api");

        CertificateThumbprints thumbprints = CertificateThumbprints.of(api.identity.certificate());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("thumbprints").path("sha1").asText()).isEqualTo(thumbprints.sha1().hex());
        assertThat(response.json().path("thumbprints").path("sha256").asText()).isEqualTo(thumbprints.sha256().hex());
        assertThat(response.json().path("pollingPort").asInt()).isEqualTo(10943);
        assertThat(response.text("product")).contains("Octopus Server");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void rejectsRequestWithoutKey() {
        ApiTestClient.Response response = api.client.withKey(null).get("/api/machines");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.text("error")).contains("X-Octopus-ApiKey");
    }

    @Test
    void rejectsUnknownKey() {
        ApiTestClient.Response response = api.client.withKey("API-AAAAAAAAAAAAAAAAAAAAAAAAAA").get("/api/machines");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void rejectsRevokedKey() {
        api.storage.apiKeys().list().forEach(key -> api.storage.apiKeys().revoke(key.id()));

        ApiTestClient.Response response = api.client.get("/api/machines");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("error")).contains("revoked");
    }

    @Test
    void acceptsKeyInHeader() {
        assertThat(api.client.get("/api/machines").status()).isEqualTo(200);
    }

    @Test
    void acceptsKeyAsBearerToken() {
        ApiTestClient.Response response = api.client.withKey(null)
                .send(api.client.withKey(null).request("/api/machines").header("Authorization", "Bearer " + api.apiKey));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void refusesKeyInQueryStringEvenWithValidHeader() {
        ApiTestClient.Response response = api.client.get("/api/machines?apikey=" + api.apiKey);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("API_KEY_IN_URL");
        assertThat(response.text("error")).contains("X-Octopus-ApiKey header");
    }

    @Test
    void refusesKeyInQueryStringUnderAnyParameterName() {
        ApiTestClient.Response response = api.client.withKey(null).get("/api?x=" + api.apiKey);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("API_KEY_IN_URL");
    }

    @Test
    void unknownEndpointIsJsonNotFound() {
        ApiTestClient.Response response = api.client.get("/api/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }
}
