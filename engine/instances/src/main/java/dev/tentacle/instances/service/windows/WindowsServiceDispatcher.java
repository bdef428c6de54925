package dev.tentacle.instances.service.windows;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceManagerException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ServiceBody} as a Windows service: calls {@code advapi32!StartServiceCtrlDispatcherW}, whose
 * {@code ServiceMain} registers a {@code HandlerEx} with {@code RegisterServiceCtrlHandlerExW} and drives a
 * {@link ServiceControlHandler}, whose reports go to {@code SetServiceStatus}. All through the Foreign Function and
 * Memory API; the JVM needs {@code --enable-native-access} for this module (or ALL-UNNAMED).
 *
 * <p>Nothing here touches {@code advapi32.dll} until {@link #run} is called on Windows, so the class loads on every OS;
 * elsewhere {@link #run} throws a {@link ServiceManagerException} that says so.
 */
public final class WindowsServiceDispatcher implements ServiceStatusReporter {
    private static final Logger log = LoggerFactory.getLogger(WindowsServiceDispatcher.class);

    static final int SERVICE_WIN32_OWN_PROCESS = 0x10;
    /** StartServiceCtrlDispatcherW's error when the process was not started by the service control manager. */
    static final int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;

    /** {@code SERVICE_STATUS}: seven DWORDs. */
    static final StructLayout SERVICE_STATUS = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("dwServiceType"),
            ValueLayout.JAVA_INT.withName("dwCurrentState"),
            ValueLayout.JAVA_INT.withName("dwControlsAccepted"),
            ValueLayout.JAVA_INT.withName("dwWin32ExitCode"),
            ValueLayout.JAVA_INT.withName("dwServiceSpecificExitCode"),
            ValueLayout.JAVA_INT.withName("dwCheckPoint"),
            ValueLayout.JAVA_INT.withName("dwWaitHint"));

    /** {@code SERVICE_TABLE_ENTRYW}: the service's name and its {@code ServiceMain}. */
    static final StructLayout SERVICE_TABLE_ENTRY = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("lpServiceName"),
            ValueLayout.ADDRESS.withName("lpServiceProc"));

    /** {@code VOID WINAPI ServiceMain(DWORD argc, LPWSTR *argv)}. */
    static final FunctionDescriptor SERVICE_MAIN = FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
    /** {@code DWORD WINAPI HandlerEx(DWORD control, DWORD eventType, LPVOID eventData, LPVOID context)}. */
    static final FunctionDescriptor HANDLER_EX = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);

    private final OperatingSystem operatingSystem;
    private final Function<ServiceStatusReporter, ServiceControlHandler> handlers;

    // Set while run() runs; read by the service control manager's threads.
    private volatile MemorySegment statusHandle = MemorySegment.NULL;
    private volatile MemorySegment status;
    private volatile MethodHandle setServiceStatus;
    private volatile ServiceControlHandler handler;

    /**
     * @param operatingSystem the OS this process runs on ({@link OperatingSystem#current()})
     * @param handlers makes the state machine that reports through this dispatcher
     */
    public WindowsServiceDispatcher(OperatingSystem operatingSystem,
            Function<ServiceStatusReporter, ServiceControlHandler> handlers) {
        this.operatingSystem = Objects.requireNonNull(operatingSystem, "operatingSystem");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /** For this machine, with the default wait hints. */
    public static WindowsServiceDispatcher forCurrentOs() {
        return new WindowsServiceDispatcher(OperatingSystem.current(), ServiceControlHandler::withDefaults);
    }

    /** True when this process can speak the Windows service control protocol, that is, on Windows. */
    public static boolean isAvailable() {
        return OperatingSystem.current().isWindows();
    }

    /**
     * Hands this thread to the service control manager until the service has stopped.
     *
     * @param serviceName the service's name (for a SERVICE_WIN32_OWN_PROCESS service Windows does not check it)
     * @return the service-specific exit code (0 after a requested stop)
     * @throws ServiceManagerException off Windows, or when the process was not started by the service control manager
     */
    public int run(String serviceName, ServiceBody body) {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(body, "body");
        if (!operatingSystem.isWindows()) {
            throw new ServiceManagerException("The Windows service control protocol (--service) exists only on "
                    + "Windows, and this is " + operatingSystem + ". Run the agent without --service; on Linux its "
                    + "systemd unit does that.");
        }
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofShared()) {
            SymbolLookup advapi32 = SymbolLookup.libraryLookup("Advapi32", arena);
            Linker.Option lastError = Linker.Option.captureCallState("GetLastError");
            StructLayout callState = Linker.Option.captureStateLayout();
            VarHandle lastErrorHandle = callState.varHandle(MemoryLayout.PathElement.groupElement("GetLastError"));
            MethodHandle startDispatcher = linker.downcallHandle(find(advapi32, "StartServiceCtrlDispatcherW"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), lastError);
            MethodHandle registerHandler = linker.downcallHandle(find(advapi32, "RegisterServiceCtrlHandlerExW"),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS));
            setServiceStatus = linker.downcallHandle(find(advapi32, "SetServiceStatus"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            status = arena.allocate(SERVICE_STATUS);
            handler = handlers.apply(this);

            MemorySegment name = utf16(arena, serviceName);
            MemorySegment handlerStub = linker.upcallStub(MethodHandles.lookup().findVirtual(
                    WindowsServiceDispatcher.class, "handlerEx", HANDLER_EX.toMethodType()).bindTo(this),
                    HANDLER_EX, arena);
            int[] exitCode = {ServiceControlHandler.START_FAILED};
            ServiceMain main = (argc, argv) -> {
                try {
                    MemorySegment handle = (MemorySegment) registerHandler.invokeExact(name, handlerStub,
                            MemorySegment.NULL);
                    if (handle.equals(MemorySegment.NULL)) {
                        log.error("RegisterServiceCtrlHandlerExW failed; the service cannot report its status");
                        return;
                    }
                    statusHandle = handle;
                    exitCode[0] = handler.run(body);
                } catch (Throwable e) {
                    // An exception must not leave an upcall: the JVM would end.
                    log.error("The service failed: {}", e.getMessage(), e);
                }
            };
            MethodHandle mainTarget = MethodHandles.lookup().findVirtual(ServiceMain.class, "serviceMain",
                    MethodType.methodType(void.class, int.class, MemorySegment.class)).bindTo(main);
            MemorySegment mainStub = linker.upcallStub(mainTarget, SERVICE_MAIN, arena);

            MemorySegment table = arena.allocate(SERVICE_TABLE_ENTRY, 2); // the second entry is all zero: the end
            serviceTable(table, name, mainStub);
            MemorySegment state = arena.allocate(callState);
            int ok = (int) startDispatcher.invokeExact(state, table);
            if (ok == 0) {
                int error = (int) lastErrorHandle.get(state, 0L);
                throw new ServiceManagerException(error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT
                        ? "--service is for the Windows service control manager only; this process was not started "
                          + "by it. Run the agent in the foreground without --service."
                        : "StartServiceCtrlDispatcherW failed with Windows error " + error + ".");
            }
            return exitCode[0];
        } catch (ServiceManagerException e) {
            throw e;
        } catch (Throwable e) {
            throw new ServiceManagerException("Could not connect to the Windows service control manager: " + e, e);
        } finally {
            statusHandle = MemorySegment.NULL;
            status = null;
        }
    }

    /** The callback StartServiceCtrlDispatcherW runs on its own thread. */
    @FunctionalInterface
    interface ServiceMain {
        void serviceMain(int argc, MemorySegment argv);
    }

    /** The {@code HandlerEx} upcall: never throws, since an exception leaving an upcall ends the JVM. */
    int handlerEx(int control, int eventType, MemorySegment eventData, MemorySegment context) {
        ServiceControlHandler current = handler;
        if (current == null) {
            return ServiceControlHandler.ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
        }
        try {
            return current.handleControl(control);
        } catch (Throwable e) {
            log.error("Handling service control {} failed: {}", control, e.getMessage(), e);
            return ServiceControlHandler.ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
        }
    }

    @Override
    public void report(ServiceStatusReport report) {
        MemorySegment handle = statusHandle;
        MemorySegment segment = status;
        if (handle.equals(MemorySegment.NULL) || segment == null) {
            log.warn("Not registered with the service control manager; status {} not reported", report);
            return;
        }
        synchronized (segment) {
            writeStatus(segment, report);
            try {
                int ok = (int) setServiceStatus.invokeExact(handle, segment);
                if (ok == 0) {
                    log.warn("SetServiceStatus refused {}", report);
                }
            } catch (Throwable e) {
                log.warn("SetServiceStatus failed for {}: {}", report, e.toString());
            }
        }
    }

    /** Fills a {@link #SERVICE_STATUS} from a report. */
    static void writeStatus(MemorySegment segment, ServiceStatusReport report) {
        set(segment, "dwServiceType", SERVICE_WIN32_OWN_PROCESS);
        set(segment, "dwCurrentState", report.state().code());
        set(segment, "dwControlsAccepted", report.controlsAccepted());
        set(segment, "dwWin32ExitCode", report.win32ExitCode());
        set(segment, "dwServiceSpecificExitCode", report.serviceExitCode());
        set(segment, "dwCheckPoint", report.checkPoint());
        set(segment, "dwWaitHint", report.waitHintMillis());
    }

    /** Fills a two-entry {@link #SERVICE_TABLE_ENTRY} array: this service, then the all-zero end marker. */
    static void serviceTable(MemorySegment table, MemorySegment name, MemorySegment serviceMain) {
        long size = SERVICE_TABLE_ENTRY.byteSize();
        table.asSlice(0, size).fill((byte) 0);
        table.asSlice(size, size).fill((byte) 0);
        table.set(ValueLayout.ADDRESS, offset(SERVICE_TABLE_ENTRY, "lpServiceName"), name);
        table.set(ValueLayout.ADDRESS, offset(SERVICE_TABLE_ENTRY, "lpServiceProc"), serviceMain);
    }

    /** A NUL-terminated UTF-16LE string, as the {@code W} functions take. */
    static MemorySegment utf16(Arena arena, String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A Windows service name cannot contain a NUL character.");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
        MemorySegment segment = arena.allocate(bytes.length + 2L, 2);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
        segment.set(ValueLayout.JAVA_SHORT_UNALIGNED, bytes.length, (short) 0);
        return segment;
    }

    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    private static void set(MemorySegment segment, String field, int value) {
        segment.set(ValueLayout.JAVA_INT, offset(SERVICE_STATUS, field), value);
    }

    private static MemorySegment find(SymbolLookup library, String function) {
        return library.find(function).orElseThrow(() -> new ServiceManagerException(
                "advapi32.dll has no function " + function + "; this Windows is too old to run Tentacle as a service."));
    }
}
