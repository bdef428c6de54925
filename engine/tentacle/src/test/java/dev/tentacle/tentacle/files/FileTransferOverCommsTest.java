package dev.tentacle.tentacle.files;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.contracts.files.UploadResult;
import dev.tentacle.contracts.files.RemoteFileInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.tentacle.scripts.LoopbackAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** FileTransferService called by a server runtime through a real mutual-TLS connection to a listening agent. */
class FileTransferOverCommsTest {
    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    @TempDir
    Path home;
    @TempDir
    Path outside;
    private LoopbackAgent agent;
    private FileTransferService files;

    @BeforeEach
    void startAgent() {
        agent = LoopbackAgent.hosting(builder -> builder.service(FileTransferService.class, new AgentFileTransferService(home)));
        files = agent.client(FileTransferService.class);
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void fiftyMegabytesGoUpAndComeBackWithTheSameSha256() throws IOException {
        String expected = TestStreams.sha256(FIFTY_MEGABYTES, 7);

        UploadResult uploaded = files.uploadFile("Files/fifty.bin", TestStreams.content(FIFTY_MEGABYTES, 7, 0), 0);
        DataStream downloaded = files.downloadFile("Files/fifty.bin", 0);

        assertThat(uploaded.length()).isEqualTo(FIFTY_MEGABYTES);
        assertThat(uploaded.sha256()).isEqualTo(expected);
        assertThat(Files.size(home.resolve("Files/fifty.bin"))).isEqualTo(FIFTY_MEGABYTES);
        assertThat(downloaded.length()).isEqualTo(FIFTY_MEGABYTES);
        assertThat(TestStreams.sha256(downloaded)).isEqualTo(expected);
    }

    @Test
    void anUploadThatBreaksResumesFromWhatTheAgentKept() {
        long length = 20L * 1024 * 1024;

        assertThatThrownBy(() -> files.uploadFile("resume.bin", TestStreams.breaking(length, 9, 8L * 1024 * 1024), 0))
                .isInstanceOf(CommsException.class).hasMessageContaining("to resume");
        RemoteFileInfo info = files.getFileInfo("resume.bin");
        UploadResult resumed = files.uploadFile("resume.bin", TestStreams.content(length, 9, info.partialUploadLength()), info.partialUploadLength());

        assertThat(info.exists()).isFalse();
        assertThat(info.partialUploadLength()).isPositive().isLessThanOrEqualTo(8L * 1024 * 1024);
        assertThat(resumed.length()).isEqualTo(length);
        assertThat(resumed.sha256()).isEqualTo(TestStreams.sha256(length, 9));
        assertThat(TestStreams.sha256(files.downloadFile("resume.bin", 0))).isEqualTo(resumed.sha256());
    }

    @Test
    void aDownloadResumesFromAnOffset() throws IOException {
        files.uploadFile("part.bin", TestStreams.content(1_000_000, 3, 0), 0);

        DataStream tail = files.downloadFile("part.bin", 600_000);

        assertThat(tail.length()).isEqualTo(400_000);
        assertThat(TestStreams.sha256(tail)).isEqualTo(TestStreams.sha256(TestStreams.content(1_000_000, 3, 600_000)));
    }

    @Test
    void aPathThatClimbsOutOfTheHomeIsRefused() {
        assertThatThrownBy(() -> files.uploadFile("../escape.txt", DataStream.ofBytes(new byte[] {1}), 0))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("is refused because it contains '..'")
                .hasMessageContaining("give a path relative to it");
        assertThat(home.getParent().resolve("escape.txt")).doesNotExist();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSymbolicLinkThatLeadsOutOfTheHomeIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(home.resolve("link"), outside);

        assertThatThrownBy(() -> files.downloadFile("link/secret.txt", 0))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("leads through a symbolic link to " + outside.toRealPath().resolve("secret.txt"));
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> files.downloadFile("nothing/here.txt", 0))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("There is no file 'nothing/here.txt' on this agent");
    }
}
