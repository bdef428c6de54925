package dev.tentacle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiMachineRoutesTest {

    static final String THUMBPRINT = Thumbprint.sha1(CertificateFixtures.tentacle().certificate()).hex();

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

    static String listening(String name, String environment, String role) {
        return """
                {"name":"%s","communicationStyle":"LISTENING","uri":"https://%s.example:10933/","thumbprint":"%s",
                 "environments":["%s"],"roles":["%s"]}""".formatted(name, name, THUMBPRINT, environment, role);
    }

    @Test
    void registersListeningMachine() {
        ApiTestClient.Response response = api.client.post("/api/machines", listening("web01", "Production", "web"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("id")).startsWith("Machines-");
        assertThat(response.raw().headers().firstValue("Location")).hasValue("/api/machines/" + response.text("id"));
        assertThat(response.text("uri")).isEqualTo("https://web01.example:10933/");
        assertThat(response.text("thumbprint")).isEqualTo(THUMBPRINT);
        assertThat(response.text("policyName")).isEqualTo("Default Machine Policy");
        assertThat(api.storage.machines().findByName("web01")).isPresent();
    }

    @Test
    void registersPollingMachineBySubscription() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"db01","communicationStyle":"POLLING","subscriptionId":"abc123","thumbprint":"%s",
                 "tenants":["Acme"]}""".formatted(THUMBPRINT));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("communicationStyle")).isEqualTo("POLLING");
        assertThat(response.text("uri")).isEqualTo("poll://abc123/");
        assertThat(response.json().path("tenants").get(0).asText()).isEqualTo("Acme");
    }

    @Test
    void refusesDuplicateNameWithConflict() {
        api.client.post("/api/machines", listening("web01", "Production", "web"));

        ApiTestClient.Response response = api.client.post("/api/machines", listening("WEB01", "Test", "web"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("CONFLICT");
        assertThat(response.text("error")).contains("already exists");
    }

    @Test
    void refusesUnknownCommunicationStyleNamingTheAllowedOnes() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","communicationStyle":"SSH","uri":"https://x:10933/","thumbprint":"%s"}"""
                .formatted(THUMBPRINT));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.text("field")).isEqualTo("communicationStyle");
        assertThat(response.text("error")).contains("LISTENING or POLLING");
    }

    @Test
    void refusesListeningMachineWithoutHttpsUri() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","communicationStyle":"LISTENING","uri":"http://x:10933/","thumbprint":"%s"}"""
                .formatted(THUMBPRINT));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("uri");
        assertThat(response.text("error")).contains("https://host:10933/");
    }

    @Test
    void refusesPollingMachineWithoutSubscription() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","communicationStyle":"POLLING","thumbprint":"%s"}""".formatted(THUMBPRINT));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("subscriptionId");
    }

    @Test
    void refusesMalformedThumbprint() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","communicationStyle":"LISTENING","uri":"https://x:10933/","thumbprint":"ABC"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("thumbprint");
        assertThat(response.text("error")).contains("40 hex");
    }

    @Test
    void refusesUnknownFieldNamingIt() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","colour":"blue"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("colour");
    }

    @Test
    void refusesMalformedJson() {
        ApiTestClient.Response response = api.client.post("/api/machines", "{\"name\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void unknownPolicyIsNotFound() {
        ApiTestClient.Response response = api.client.post("/api/machines", """
                {"name":"x","communicationStyle":"LISTENING","uri":"https://x:10933/","thumbprint":"%s",
                 "policyName":"Nope"}""".formatted(THUMBPRINT));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).contains("Nope");
    }

    @Test
    void listsMachinesFilteredByRoleEnvironmentAndName() {
        api.client.post("/api/machines", listening("web01", "Production", "web"));
        api.client.post("/api/machines", listening("web02", "Test", "web"));
        api.client.post("/api/machines", listening("db01", "Production", "database"));

        assertThat(names(api.client.get("/api/machines").json())).containsExactly("db01", "web01", "web02");
        assertThat(names(api.client.get("/api/machines?role=web").json())).containsExactly("web01", "web02");
        assertThat(names(api.client.get("/api/machines?environment=production").json()))
                .containsExactly("db01", "web01");
        assertThat(names(api.client.get("/api/machines?name=02").json())).containsExactly("web02");
    }

    @Test
    void listsMachinesRegisteredWithEitherOfTheGivenThumbprints() {
        String sha256 = Thumbprint.sha256(CertificateFixtures.tentacle().certificate()).hex();
        String other = Thumbprint.sha1(CertificateFixtures.other().certificate()).hex();
        api.client.post("/api/machines", listening("web01", "Production", "web"));
        api.client.post("/api/machines", listening("web02", "Test", "web").replace(THUMBPRINT, sha256));
        api.client.post("/api/machines", listening("db01", "Production", "database").replace(THUMBPRINT, other));

        assertThat(names(api.client.get("/api/machines?thumbprint=" + THUMBPRINT.toLowerCase()).json()))
                .containsExactly("web01");
        assertThat(names(api.client.get("/api/machines?thumbprint=" + THUMBPRINT + "&thumbprint=" + sha256).json()))
                .containsExactly("web01", "web02");
        assertThat(names(api.client.get("/api/machines?thumbprint=" + other + "&role=web").json())).isEmpty();
    }

    @Test
    void refusesAMalformedThumbprintFilterNamingIt() {
        ApiTestClient.Response response = api.client.get("/api/machines?thumbprint=ABC");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.text("field")).isEqualTo("thumbprint");
        assertThat(response.text("error")).contains("40 hex digits", "'ABC'");
    }

    @Test
    void getsAndRemovesMachine() {
        String id = api.client.post("/api/machines", listening("web01", "Production", "web")).text("id");

        assertThat(api.client.get("/api/machines/" + id).text("name")).isEqualTo("web01");
        assertThat(api.client.delete("/api/machines/" + id).status()).isEqualTo(204);
        ApiTestClient.Response after = api.client.get("/api/machines/" + id);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.code()).isEqualTo("NOT_FOUND");
        assertThat(api.client.delete("/api/machines/" + id).status()).isEqualTo(404);
    }

    @Test
    void malformedMachineIdSaysWhatAnIdLooksLike() {
        ApiTestClient.Response response = api.client.get("/api/machines/web01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).contains("Machines-12");
    }

    static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path("name").asText()).toList();
    }
}
