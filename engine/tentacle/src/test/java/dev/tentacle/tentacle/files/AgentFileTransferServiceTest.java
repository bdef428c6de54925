package dev.tentacle.tentacle.files;

import dev.tentacle.contracts.files.UploadResult;
import dev.tentacle.contracts.files.RemoteFileInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentFileTransferServiceTest {
    private static final long SEED = 42;

    @TempDir
    Path home;
    @TempDir
    Path outside;
    private AgentFileTransferService files;

    @BeforeEach
    void createService() {
        files = new AgentFileTransferService(home);
    }

    @Test
    void uploadsIntoTheHomeAndDownloadsTheSameBytes() throws IOException {
        UploadResult result = files.uploadFile("Files/app/package.zip", TestStreams.content(300_000, SEED, 0), 0);

        Path written = files.home().resolve("Files/app/package.zip");
        assertThat(result).isEqualTo(new UploadResult(written.toString(), 300_000, TestStreams.sha256(300_000, SEED)));
        assertThat(TestStreams.sha256(files.downloadFile("Files/app/package.zip", 0))).isEqualTo(result.sha256());
        assertThat(FileUpload.partialFor(written)).doesNotExist();
        assertThat(files.getFileInfo("Files/app/package.zip")).isEqualTo(new RemoteFileInfo(written.toString(), true, 300_000, -1));
    }

    @Test
    void downloadsFromAnOffset() throws IOException {
        files.uploadFile("data.txt", DataStream.ofBytes("0123456789".getBytes(StandardCharsets.UTF_8)), 0);

        DataStream tail = files.downloadFile("data.txt", 6);

        assertThat(tail.length()).isEqualTo(4);
        assertThat(new String(tail.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("6789");
        assertThat(files.downloadFile("data.txt", 10).readAllBytes()).isEmpty();
    }

    @Test
    void anUploadFromTheStartReplacesTheWholeFile() throws IOException {
        files.uploadFile("config.json", DataStream.ofBytes("a much longer old content".getBytes(StandardCharsets.UTF_8)), 0);

        UploadResult result = files.uploadFile("config.json", DataStream.ofBytes("new".getBytes(StandardCharsets.UTF_8)), 0);

        assertThat(result.length()).isEqualTo(3);
        assertThat(Files.readString(files.home().resolve("config.json"))).isEqualTo("new");
    }

    @Test
    void aBrokenUploadKeepsWhatArrivedAndResumesFromThere() {
        long length = 1_000_000;
        ThrowingCallable broken = () -> files.uploadFile("big.bin", TestStreams.breaking(length, SEED, 400_000), 0);
        assertThatThrownBy(broken).isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_FAILED))
                .hasMessageContaining("The upload broke after 400000 bytes")
                .hasMessageContaining("call uploadFile again with offset 400000 to resume");

        RemoteFileInfo info = files.getFileInfo("big.bin");
        assertThat(info.exists()).isFalse();
        assertThat(info.partialUploadLength()).isEqualTo(400_000);

        UploadResult result = files.uploadFile("big.bin", TestStreams.content(length, SEED, info.partialUploadLength()), info.partialUploadLength());

        assertThat(result.length()).isEqualTo(length);
        assertThat(result.sha256()).isEqualTo(TestStreams.sha256(length, SEED));
        assertThat(files.getFileInfo("big.bin").partialUploadLength()).isEqualTo(-1);
    }

    @Test
    void anOffsetAppendsToAnExistingFileAndRepeatingTheCallGivesTheSameFile() throws IOException {
        files.uploadFile("log.txt", DataStream.ofBytes("first,".getBytes(StandardCharsets.UTF_8)), 0);

        UploadResult once = files.uploadFile("log.txt", DataStream.ofBytes("second".getBytes(StandardCharsets.UTF_8)), 6);
        UploadResult twice = files.uploadFile("log.txt", DataStream.ofBytes("second".getBytes(StandardCharsets.UTF_8)), 6);

        assertThat(twice).isEqualTo(once);
        assertThat(Files.readString(files.home().resolve("log.txt"))).isEqualTo("first,second");
        assertThat(once.sha256()).isEqualTo(TestStreams.sha256(DataStream.ofBytes("first,second".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aResumeBeyondWhatIsThereIsRefusedWithWhereToResume() {
        files.uploadFile("short.txt", DataStream.ofBytes(new byte[5]), 0);

        assertInvalid(() -> files.uploadFile("short.txt", DataStream.ofBytes(new byte[1]), 9), "has only 5 bytes, fewer than the offset 9. Resume from offset 5");
        assertInvalid(() -> files.uploadFile("absent.txt", DataStream.ofBytes(new byte[1]), 3), "Nothing to resume at offset 3");
        assertInvalid(() -> files.uploadFile("short.txt", DataStream.ofBytes(new byte[1]), -1), "The offset is -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "Files/../../escape.txt", "a/..", "..", "", "  "})
    void refusesPathsThatClimbOutOrNameNothing(String path) {
        assertInvalid(() -> files.uploadFile(path, DataStream.ofBytes(new byte[1]), 0), "confined to this Tentacle's home directory");
        assertInvalid(() -> files.downloadFile(path, 0), "confined to this Tentacle's home directory");
        assertThat(outside.getParent().resolve("escape.txt")).doesNotExist();
    }

    @Test
    void acceptsAnAbsolutePathInsideTheHomeAndRefusesOneOutside() {
        UploadResult inside = files.uploadFile(home.resolve("abs.txt").toAbsolutePath().toString(), DataStream.ofBytes(new byte[2]), 0);

        assertThat(inside.length()).isEqualTo(2);
        assertInvalid(() -> files.uploadFile(outside.resolve("x.txt").toString(), DataStream.ofBytes(new byte[1]), 0), "it is outside the home");
        assertThat(outside.resolve("x.txt")).doesNotExist();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void refusesSymbolicLinksThatLeadOutOfTheHome() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(home.resolve("link"), outside);
        Files.createSymbolicLink(home.resolve("file-link"), outside.resolve("secret.txt"));

        assertInvalid(() -> files.downloadFile("link/secret.txt", 0), "leads through a symbolic link to");
        assertInvalid(() -> files.downloadFile("file-link", 0), "which is outside the home");
        assertInvalid(() -> files.uploadFile("link/new.txt", DataStream.ofBytes(new byte[1]), 0), "leads through a symbolic link");
        assertInvalid(() -> files.uploadFile("file-link", DataStream.ofBytes(new byte[1]), 1), "leads through a symbolic link");
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void allowsSymbolicLinksThatStayInsideTheHome() throws IOException {
        Files.createDirectories(home.resolve("real"));
        Files.createSymbolicLink(home.resolve("alias"), home.resolve("real"));

        files.uploadFile("alias/inside.txt", DataStream.ofBytes("ok".getBytes(StandardCharsets.UTF_8)), 0);

        assertThat(Files.readString(home.resolve("real/inside.txt"))).isEqualTo("ok");
    }

    @Test
    void aMissingFileADirectoryAndAnOffsetPastTheEndAreClearErrors() {
        files.uploadFile("dir/small.txt", DataStream.ofBytes(new byte[3]), 0);

        assertInvalid(() -> files.downloadFile("missing.txt", 0), "There is no file 'missing.txt' on this agent");
        assertInvalid(() -> files.downloadFile("dir", 0), "is not a regular file");
        assertInvalid(() -> files.downloadFile("dir/small.txt", 4), "The offset 4 is outside");
        assertInvalid(() -> files.uploadFile("dir", DataStream.ofBytes(new byte[1]), 0), "is a directory");
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }
}
