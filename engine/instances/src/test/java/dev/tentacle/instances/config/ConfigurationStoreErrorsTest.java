package dev.tentacle.instances.config;

import static dev.tentacle.instances.config.ConfigurationStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.instances.config.ConfigurationException.Reason;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a configuration file can be bad, and the message each one gets. */
class ConfigurationStoreErrorsTest {
    @TempDir
    Path directory;

    private final ConfigurationStore<TentacleConfiguration> store = TentacleConfiguration.store();

    private Path file() {
        return directory.resolve("Tentacle.config.json");
    }

    private ConfigurationException readFails(String content) throws IOException {
        Files.writeString(file(), content, StandardCharsets.UTF_8);
        return readFails();
    }

    private ConfigurationException readFails() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> store.read(file()));
        assertThat(e).as("reading %s should fail", file()).isNotNull();
        assertThat(e.file()).isEqualTo(file());
        assertThat(e.getMessage()).contains(file().toString());
        return e;
    }

    private String body(String fields) {
        return "{\"homeDirectory\": \"" + json(directory) + "\", " + fields + "}";
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.MISSING);
        assertThat(e.getMessage()).contains("does not exist");
    }

    @Test
    void aMissingFileWithAGoodBackupSaysHowToRestoreIt() {
        store.write(file(), TentacleConfiguration.defaults(directory));
        store.write(file(), TentacleConfiguration.defaults(directory).withListenPort(2000));
        file().toFile().delete();

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.MISSING);
        assertThat(e.getMessage()).contains("copy " + ConfigurationStore.backupOf(file()) + " to " + file());
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        ConfigurationException e = readFails("");

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e.getMessage()).contains("is empty", "Fix it by hand");
    }

    @Test
    void aFileOfWhiteSpaceIsReportedAsEmpty() throws IOException {
        ConfigurationException e = readFails(" \n\t\r\n ");

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e.getMessage()).contains("holds only white space");
    }

    @Test
    void aFileOfZeroBytesIsRecognisedAsAnInterruptedWrite() throws IOException {
        Files.write(file(), new byte[512]);

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e.getMessage()).contains("only zero bytes");
    }

    @Test
    void aTruncatedFileIsReportedAsCutShortAndPointsAtTheBackup() {
        store.write(file(), TentacleConfiguration.defaults(directory));
        store.write(file(), TentacleConfiguration.defaults(directory).withListenPort(2000));
        cutAfter(file(), "\"listenPort\" : 20");

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.getMessage()).contains("ends unexpectedly", "cut short",
                "restore the previous good version by copying " + ConfigurationStore.backupOf(file()));
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws IOException {
        ConfigurationException e = readFails("{\n  \"listenPort\": 10933,\n  \"noListen\": tru\n}");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_JSON);
        assertThat(e.getMessage()).contains("is not valid JSON (line 3, column").contains("tru");
    }

    @Test
    void aMissingCommaGivesLineAndColumn() throws IOException {
        ConfigurationException e = readFails("{\n  \"listenPort\": 10933\n  \"noListen\": true\n}");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_JSON);
        assertThat(e.getMessage()).contains("(line 3, column 3)");
    }

    @Test
    void aDuplicatedFieldIsRefusedRatherThanOneValueSilentlyWinning() throws IOException {
        ConfigurationException e = readFails(body("\"listenPort\": 1, \"listenPort\": 2"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_JSON);
        assertThat(e.getMessage()).contains("Duplicate field 'listenPort'");
    }

    @Test
    void textAfterTheObjectIsRefused() throws IOException {
        ConfigurationException e = readFails(body("\"listenPort\": 1") + "\n{\"listenPort\": 2}");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_JSON);
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsTheWrongType() throws IOException {
        ConfigurationException e = readFails("[1, 2]");

        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.getMessage()).contains("holds a JSON array where an object in braces { } belongs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "listenPort": "ten"                  | listenPort                 | a whole number
            "listenPort": 10933.5                | listenPort                 | a whole number
            "listenPort": [10933]                | listenPort                 | a whole number
            "listenPort": "10933"                | listenPort                 | a whole number
            "noListen": 3                        | noListen                   | true or false
            "trustedServers": "all"              | trustedServers             | a list in square brackets
            "trustedServers": [7]                | trustedServers[0]          | an object in braces
            "proxy": 5                           | proxy                      | an object in braces
            "proxy": {"enabled": true, "host": ["a"], "port": 1} | proxy.host | text in double quotes
            "homeDirectory": 5                   | homeDirectory              | text in double quotes
            """)
    void aValueOfTheWrongTypeIsNamedWithWhatWasExpected(String field, String path, String expected) throws IOException {
        String content = field.startsWith("\"homeDirectory\"") ? "{" + field + "}" : body(field);

        ConfigurationException e = readFails(content);

        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.getMessage()).contains("wrong type at " + path + " (line 1, column", "expected " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "listenPort": 70000                                    | :                  | listenPort must be between 1 and 65535, was 70000
            "pollingConnectionCount": 0                            | :                  | pollingConnectionCount must be between 1 and 100, was 0
            "trustedServers": [{"thumbprint": "xyz", "communicationStyle": "LISTENING"}] | at trustedServers[0].thumbprint (line 1, column | A thumbprint is 40 (SHA-1) or 64 (SHA-256)
            "trustedServers": [{"thumbprint": "1234567890ABCDEF1234567890ABCDEF12345678", "communicationStyle": "LISTEN"}] | at trustedServers[0].communicationStyle (line 1, column | 'LISTEN' is not one of LISTENING, POLLING
            "trustedServers": [{"thumbprint": "1234567890ABCDEF1234567890ABCDEF12345678", "communicationStyle": "POLLING"}] | in trustedServers[0]: | needs the address to poll
            "proxy": {"enabled": true, "port": 8080}               | in proxy:          | The proxy is enabled but has no host
            "certificate": {"password": "x"}                       | in certificate:    | needs the path of its PKCS#12 (.pfx) file
            "applicationDirectory": ""                             | at applicationDirectory (line 1, column | A path is empty
            """)
    void aValueThatFailsValidationIsNamedWithTheRule(String field, String where, String rule) throws IOException {
        ConfigurationException e = readFails(body(field));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("has an invalid value" + (where.equals(":") ? "" : " ") + where, rule);
    }

    @Test
    void aMissingHomeDirectoryIsAnInvalidValue() throws IOException {
        ConfigurationException e = readFails("{\"listenPort\": 10933}");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("homeDirectory must be an absolute path", "was missing");
    }

    @Test
    void aFileFromANewerFormatIsRefusedAndNotOverwritten() throws IOException {
        String newer = body("\"version\": 2");
        Files.writeString(file(), newer);

        ConfigurationException e = readFails();
        ConfigurationException onWrite = catchThrowableOfType(ConfigurationException.class,
                () -> store.write(file(), TentacleConfiguration.defaults(directory)));

        assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION);
        assertThat(e.getMessage()).contains("format version 2", "reads format 1", "Upgrade");
        assertThat(onWrite.reason()).isEqualTo(Reason.NEWER_VERSION);
        assertThat(Files.readString(file())).isEqualTo(newer);
    }

    @Test
    void aVersionThatIsNotAWholeNumberIsTheWrongType() throws IOException {
        ConfigurationException e = readFails(body("\"version\": \"one\""));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.getMessage()).contains("\"version\": \"one\"", "whole number");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsUnreadable() throws IOException {
        Files.createDirectory(file());

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(e.getMessage()).contains("is a directory, not a file");
    }

    @Test
    void aHugeFileIsRefusedUnread() throws IOException {
        try (var huge = new RandomAccessFile(file().toFile(), "rw")) {
            huge.setLength(ConfigurationStore.MAX_FILE_SIZE + 1);
        }

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(e.getMessage()).contains("far larger than any configuration file");
    }

    @Test
    void permissionDeniedSaysToRunAsTheOwner() {
        ConfigurationException e = ConfigurationFailures.readFailure(file(), "Tentacle configuration file",
                new AccessDeniedException(file().toString()), "");

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(e.getMessage()).contains("Permission denied reading the Tentacle configuration file " + file(),
                "run the command as the user that owns it");
    }

    @Test
    void aFileThisUserCannotReadIsUnreadable() throws IOException {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"), "needs POSIX permissions");
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every file regardless of permissions");
        store.write(file(), TentacleConfiguration.defaults(directory));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("---------"));

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(e.getMessage()).contains("Permission denied");
    }

    @Test
    void aCorruptFileIsNeverOverwritten() throws IOException {
        byte[] corrupt = "{\"homeDirectory\": \"/x\", \"listenPort\": 1".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), corrupt);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> store.write(file(), TentacleConfiguration.defaults(directory)));

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.getMessage()).startsWith("Nothing was written, because the existing file could not be read");
        assertThat(Files.readAllBytes(file())).isEqualTo(corrupt);
        assertThat(ConfigurationStore.backupOf(file())).doesNotExist();
    }

    @Test
    void aWriteIntoAPlaceThatIsNotADirectoryFailsClearly() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        Path target = notADirectory.resolve("Tentacle.config.json");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> store.write(target, TentacleConfiguration.defaults(directory)));

        assertThat(e.reason()).isEqualTo(Reason.WRITE_FAILED);
        assertThat(e.getMessage()).contains("Could not write the Tentacle configuration file " + target, "is unchanged");
    }

    @ParameterizedTest(name = "cut after {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "homeDirectory" : "/tm
            "listenPort" :
            "trustedServers" : [
            "trustedServers" : [ {
            "noListen" : fal
            "noListen" : false,
            """)
    void aFileCutOffAnywhereIsReportedAsTruncated(String end) throws IOException {
        Files.writeString(file(), """
                {
                  "version" : 1,
                  "homeDirectory" : "/tmp/home",
                  "listenPort" : 10933,
                  "noListen" : false,
                  "trustedServers" : [ {
                    "thumbprint" : "1234567890ABCDEF1234567890ABCDEF12345678",
                    "communicationStyle" : "LISTENING"
                  } ]
                }
                """);
        cutAfter(file(), end);

        ConfigurationException e = readFails();

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
    }

    private static void cutAfter(Path file, String end) {
        try {
            String content = Files.readString(file);
            int cut = content.indexOf(end);
            assertThat(cut).as("'%s' in %s", end, content).isNotNegative();
            Files.writeString(file, content.substring(0, cut + end.length()) + "\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
