package dev.tentacle.instances.service.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceManagerException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class WindowsServiceDispatcherTest {

    @Test
    void serviceStatusIsSevenConsecutiveDwords() {
        assertThat(WindowsServiceDispatcher.SERVICE_STATUS.byteSize()).isEqualTo(28);
        List<String> fields = List.of("dwServiceType", "dwCurrentState", "dwControlsAccepted", "dwWin32ExitCode",
                "dwServiceSpecificExitCode", "dwCheckPoint", "dwWaitHint");
        assertThat(fields.stream().map(f -> WindowsServiceDispatcher.offset(WindowsServiceDispatcher.SERVICE_STATUS, f)))
                .containsExactly(0L, 4L, 8L, 12L, 16L, 20L, 24L);
    }

    @Test
    void serviceTableEntryIsTwoPointers() {
        long pointer = ValueLayout.ADDRESS.byteSize();
        assertThat(WindowsServiceDispatcher.SERVICE_TABLE_ENTRY.byteSize()).isEqualTo(2 * pointer);
        assertThat(WindowsServiceDispatcher.offset(WindowsServiceDispatcher.SERVICE_TABLE_ENTRY, "lpServiceProc"))
                .isEqualTo(pointer);
    }

    @Test
    void writesEveryFieldOfTheStatusAtItsOffset() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(WindowsServiceDispatcher.SERVICE_STATUS);
            WindowsServiceDispatcher.writeStatus(segment, new ServiceStatusReport(ServiceState.STOP_PENDING, 1066, 7,
                    3, 30_000, 5));

            int[] dwords = IntStream.range(0, 7).map(i -> segment.get(ValueLayout.JAVA_INT, i * 4L)).toArray();
            assertThat(dwords).containsExactly(0x10, 3, 5, 1066, 7, 3, 30_000);
        }
    }

    @Test
    void serviceTableEndsWithAnAllZeroEntry() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment table = arena.allocate(WindowsServiceDispatcher.SERVICE_TABLE_ENTRY, 2);
            table.fill((byte) 0x5A);
            MemorySegment name = WindowsServiceDispatcher.utf16(arena, "OctopusDeploy Tentacle");
            MemorySegment main = arena.allocate(8);

            WindowsServiceDispatcher.serviceTable(table, name, main);

            assertThat(table.get(ValueLayout.ADDRESS, 0)).isEqualTo(name);
            assertThat(table.get(ValueLayout.ADDRESS, ValueLayout.ADDRESS.byteSize())).isEqualTo(main);
            long entry = WindowsServiceDispatcher.SERVICE_TABLE_ENTRY.byteSize();
            assertThat(table.asSlice(entry, entry).toArray(ValueLayout.JAVA_BYTE)).containsOnly((byte) 0);
        }
    }

    @Test
    void encodesServiceNamesAsNulTerminatedUtf16LittleEndian() {
        String name = "OctopusDeploy Tentacle: Zürich 東京 \uD83D\uDE80";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = WindowsServiceDispatcher.utf16(arena, name);

            byte[] expected = name.getBytes(StandardCharsets.UTF_16LE);
            assertThat(segment.byteSize()).isEqualTo(expected.length + 2L);
            assertThat(segment.asSlice(0, expected.length).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(expected);
            assertThat(segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, expected.length)).isZero();
            assertThat(segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0)).isEqualTo((short) 'O');
            assertThat(segment.address() % 2).isZero();
        }
    }

    @Test
    void refusesANameWithANul() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> WindowsServiceDispatcher.utf16(arena, "a\0b"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void isNotAvailableOffWindows() {
        assertThat(WindowsServiceDispatcher.isAvailable()).isFalse();
    }

    @Test
    void offWindowsRunSaysSoWithoutStartingTheBody() {
        List<String> events = new ArrayList<>();
        ServiceBody body = new ServiceBody() {
            @Override
            public void start() {
                events.add("start");
            }

            @Override
            public boolean awaitStop(Duration timeout) {
                events.add("await");
                return true;
            }

            @Override
            public void requestStop() {
                events.add("stop");
            }
        };
        var dispatcher = new WindowsServiceDispatcher(OperatingSystem.LINUX, reporter -> {
            events.add("handler made");
            return ServiceControlHandler.withDefaults(reporter);
        });

        assertThatThrownBy(() -> dispatcher.run("OctopusDeploy Tentacle", body))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("only on Windows")
                .hasMessageContaining("LINUX")
                .hasMessageContaining("without --service");
        assertThat(events).isEmpty();
    }

    @Test
    void reportingBeforeRegistrationIsIgnoredRatherThanCallingWindows() {
        var dispatcher = new WindowsServiceDispatcher(OperatingSystem.LINUX, ServiceControlHandler::withDefaults);

        dispatcher.report(new ServiceStatusReport(ServiceState.RUNNING, 0, 0, 0, 0, 5));

        assertThat(dispatcher.handlerEx(ServiceControlHandler.SERVICE_CONTROL_STOP, 0, MemorySegment.NULL,
                MemorySegment.NULL)).isEqualTo(ServiceControlHandler.ERROR_SERVICE_CANNOT_ACCEPT_CTRL);
    }
}
