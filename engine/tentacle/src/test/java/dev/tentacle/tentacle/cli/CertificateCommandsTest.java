package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCommandsTest {
    @TempDir
    Path temp;

    CliHarness cli;
    Path home;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        home = temp.resolve("home");
        cli.ok("create-instance", "--instance", "Web01", "--home", home.toString());
    }

    @Test
    void newCertificateSavesItInTheHomeAndPrintsTheThumbprint() {
        var result = cli.ok("new-certificate", "--instance", "Web01");

        assertThat(home.resolve("Certificates/tentacle.pfx")).exists();
        assertThat(result.out()).contains("Generated a new certificate", "The thumbprint of this Tentacle is: ");
        var thumbprint = cli.ok("show-thumbprint", "--instance", "Web01", "--format", "json").json();
        assertThat(result.out()).contains(thumbprint.get("sha1").asText() + " (SHA-256: " + thumbprint.get("sha256").asText() + ")");
    }

    @Test
    void newCertificateIfBlankKeepsTheExistingOne() {
        String first = cli.ok("new-certificate", "--instance", "Web01", "--format", "json").json().get("sha256").asText();

        var json = cli.ok("new-certificate", "--instance", "Web01", "--if-blank", "--format", "json").json();

        assertThat(json.get("generated").asBoolean()).isFalse();
        assertThat(json.get("sha256").asText()).isEqualTo(first);
        assertThat(cli.ok("new-certificate", "--instance", "Web01", "--if-blank").out()).contains("kept it (--if-blank)");
    }

    @Test
    void newCertificateReplacesAndKeepsTheOldOneAsBackup() {
        String first = cli.ok("new-certificate", "--instance", "Web01", "--format", "json").json().get("sha256").asText();

        var result = cli.ok("new-certificate", "--instance", "Web01");

        String second = cli.ok("show-thumbprint", "--instance", "Web01", "--format", "json").json().get("sha256").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(home.resolve("Certificates/tentacle.pfx.bak")).exists();
        assertThat(result.out()).contains("tentacle.pfx.bak", "must now trust the new one");
    }

    @Test
    void newCertificateIfBlankOnAnInstanceWithoutOneGeneratesIt() {
        var json = cli.ok("new-certificate", "--instance", "Web01", "--if-blank", "--format", "json").json();

        assertThat(json.get("generated").asBoolean()).isTrue();
        assertThat(json.get("certificateFile").asText()).isEqualTo(home.resolve("Certificates/tentacle.pfx").toString());
    }

    @Test
    void showThumbprintPrintsBothForms() {
        cli.ok("new-certificate", "--instance", "Web01");

        var json = cli.ok("show-thumbprint", "--instance", "Web01", "--format", "json").json();
        var text = cli.ok("show-thumbprint", "--instance", "Web01").out();

        assertThat(json.get("sha1").asText()).matches("[0-9A-F]{40}");
        assertThat(json.get("sha256").asText()).matches("[0-9A-F]{64}");
        assertThat(json.size()).isEqualTo(2);
        assertThat(text).isEqualTo("The thumbprint of this Tentacle is: " + json.get("sha1").asText() + " (SHA-256: "
                + json.get("sha256").asText() + ")" + System.lineSeparator());
    }

    @Test
    void showThumbprintWithoutACertificateSaysHowToCreateOne() {
        var result = cli.run("show-thumbprint", "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("has no certificate yet", "tentacle new-certificate --instance Web01");
        assertThat(result.err().lines().toList()).hasSize(1);
    }

    @Test
    void importCertificateCopiesAPasswordProtectedFile() {
        CertificateIdentity identity = CertificateFixtures.tentacle();
        Path pfx = CertificateFixtures.writePkcs12(identity, temp, "imported", "s3cret".toCharArray());

        var json = cli.ok("import-certificate", "--instance", "Web01", "--from-file", pfx.toString(), "--pfx-password",
                "s3cret", "--format", "json").json();

        assertThat(json.get("sha256").asText()).isEqualTo(identity.thumbprints().sha256().hex());
        assertThat(cli.ok("show-thumbprint", "--instance", "Web01", "--format", "json").json().get("sha1").asText())
                .isEqualTo(identity.thumbprints().sha1().hex());
        assertThat(cli.ok("show-configuration", "--instance", "Web01").out()).contains("(password protected)")
                .doesNotContain("s3cret");
    }

    @Test
    void importCertificateWithTheWrongPasswordChangesNothing() {
        Path pfx = CertificateFixtures.writePkcs12(CertificateFixtures.tentacle(), temp, "imported", "s3cret".toCharArray());

        var result = cli.run("import-certificate", "--instance", "Web01", "--from-file", pfx.toString(), "--pfx-password",
                "wrong");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: ").contains(pfx.toString());
        assertThat(home.resolve("Certificates/tentacle.pfx")).doesNotExist();
    }

    @Test
    void importCertificateOfAMissingFileIsAUserError() {
        var result = cli.run("import-certificate", "--instance", "Web01", "--from-file", temp.resolve("nope.pfx").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("nope.pfx");
    }

    @Test
    void certificateCommandsWorkOnAConfigFileWithoutTheRegistry() {
        Path file = temp.resolve("registry/Tentacle/instances.json").getParent().resolve("unused");
        Path config = home.resolve("Tentacle.config.json");

        cli.ok("new-certificate", "--config", config.toString());

        assertThat(cli.ok("show-thumbprint", "--config", config.toString(), "--format", "json").json().get("sha1").asText())
                .hasSize(40);
        assertThat(file).doesNotExist();
    }
}
