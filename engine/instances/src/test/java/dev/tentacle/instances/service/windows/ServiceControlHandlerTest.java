package dev.tentacle.instances.service.windows;

import static dev.tentacle.instances.service.windows.ServiceControlHandler.ERROR_CALL_NOT_IMPLEMENTED;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.ERROR_SERVICE_SPECIFIC_ERROR;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.NO_ERROR;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.SERVICE_ACCEPT_SHUTDOWN;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.SERVICE_ACCEPT_STOP;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.SERVICE_CONTROL_INTERROGATE;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.SERVICE_CONTROL_SHUTDOWN;
import static dev.tentacle.instances.service.windows.ServiceControlHandler.SERVICE_CONTROL_STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceControlHandlerTest {
    private static final int START_HINT = 20_000;
    private static final int STOP_HINT = 40_000;
    private static final int RUNNING_CONTROLS = SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN;

    private final List<ServiceStatusReport> reports = new ArrayList<>();
    private final ServiceControlHandler handler = new ServiceControlHandler(reports::add,
            Duration.ofMillis(START_HINT), Duration.ofMillis(STOP_HINT), Duration.ofMillis(1));

    /**
     * A body driven by a script instead of time: each call of awaitStop is one "tick"; the script decides, per tick,
     * what the service control manager sends meanwhile and whether the work has ended.
     */
    private class ScriptedBody implements ServiceBody {
        final List<String> events = new ArrayList<>();
        Exception startFailure;
        IntConsumer onTick = tick -> { };
        int ticks;
        boolean stopRequested;
        int endAfterStopTicks = 0;
        int ticksSinceStop;
        boolean endWithoutStop;

        @Override
        public void start() throws Exception {
            events.add("start while " + handler.state());
            if (startFailure != null) {
                throw startFailure;
            }
        }

        @Override
        public boolean awaitStop(Duration timeout) {
            onTick.accept(ticks++);
            if (endWithoutStop) {
                return true;
            }
            if (stopRequested) {
                return ticksSinceStop++ >= endAfterStopTicks;
            }
            return false;
        }

        @Override
        public void requestStop() {
            events.add("stop requested while " + handler.state());
            stopRequested = true;
        }
    }

    private static ServiceStatusReport status(ServiceState state, int checkPoint, int waitHint, int controls) {
        return new ServiceStatusReport(state, 0, 0, checkPoint, waitHint, controls);
    }

    @Test
    void startsThenRunsThenStopsCleanlyOnStop() {
        ScriptedBody body = new ScriptedBody();
        List<Integer> answers = new ArrayList<>();
        body.onTick = tick -> {
            if (tick == 0) {
                answers.add(handler.handleControl(SERVICE_CONTROL_STOP));
            }
        };

        int exitCode = handler.run(body);

        assertThat(exitCode).isZero();
        assertThat(answers).containsExactly(NO_ERROR);
        assertThat(body.events).containsExactly("start while START_PENDING", "stop requested while STOP_PENDING");
        assertThat(reports).containsExactly(
                status(ServiceState.START_PENDING, 1, START_HINT, 0),
                status(ServiceState.RUNNING, 0, 0, RUNNING_CONTROLS),
                status(ServiceState.STOP_PENDING, 1, STOP_HINT, 0),
                status(ServiceState.STOPPED, 0, 0, 0));
        assertThat(handler.state()).isEqualTo(ServiceState.STOPPED);
    }

    @Test
    void shutdownStopsLikeStop() {
        ScriptedBody body = new ScriptedBody();
        body.onTick = tick -> {
            if (tick == 0) {
                handler.handleControl(SERVICE_CONTROL_SHUTDOWN);
            }
        };

        assertThat(handler.run(body)).isZero();
        assertThat(body.stopRequested).isTrue();
        assertThat(reports).extracting(ServiceStatusReport::state).containsExactly(ServiceState.START_PENDING,
                ServiceState.RUNNING, ServiceState.STOP_PENDING, ServiceState.STOPPED);
    }

    @Test
    void checkPointGrowsWhileTheStopIsPendingAndIsZeroOutsidePendingStates() {
        ScriptedBody body = new ScriptedBody();
        body.endAfterStopTicks = 3;
        body.onTick = tick -> {
            if (tick == 2) {
                handler.handleControl(SERVICE_CONTROL_STOP);
            }
        };

        handler.run(body);

        assertThat(reports).filteredOn(r -> r.state() == ServiceState.STOP_PENDING)
                .extracting(ServiceStatusReport::checkPoint).containsExactly(1, 2, 3, 4);
        assertThat(reports).filteredOn(r -> r.state() == ServiceState.STOP_PENDING)
                .allSatisfy(r -> assertThat(r.waitHintMillis()).isEqualTo(STOP_HINT));
        assertThat(reports).filteredOn(r -> !r.state().isPending())
                .allSatisfy(r -> assertThat(r.checkPoint()).isZero())
                .allSatisfy(r -> assertThat(r.waitHintMillis()).isZero());
    }

    @Test
    void aSecondStopWhileStoppingIsAnsweredWithoutStoppingTwice() {
        ScriptedBody body = new ScriptedBody();
        body.endAfterStopTicks = 1;
        List<Integer> answers = new ArrayList<>();
        body.onTick = tick -> {
            if (tick <= 1) {
                answers.add(handler.handleControl(SERVICE_CONTROL_STOP));
            }
        };

        handler.run(body);

        assertThat(answers).containsExactly(NO_ERROR, NO_ERROR);
        assertThat(body.events).filteredOn(e -> e.startsWith("stop requested")).hasSize(1);
    }

    @Test
    void interrogateRepeatsTheCurrentStatus() {
        ScriptedBody body = new ScriptedBody();
        List<Integer> answers = new ArrayList<>();
        body.onTick = tick -> {
            if (tick == 0) {
                answers.add(handler.handleControl(SERVICE_CONTROL_INTERROGATE));
                handler.handleControl(SERVICE_CONTROL_STOP);
            }
        };

        handler.run(body);

        assertThat(answers).containsExactly(NO_ERROR);
        assertThat(reports.subList(1, 3)).containsExactly(
                status(ServiceState.RUNNING, 0, 0, RUNNING_CONTROLS),
                status(ServiceState.RUNNING, 0, 0, RUNNING_CONTROLS));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x2, 0x3, 0x6, 0xF, 0x10, 0x80, 0xFF})
    void refusesControlsItDoesNotImplement(int control) {
        ScriptedBody body = new ScriptedBody();
        List<Integer> answers = new ArrayList<>();
        body.onTick = tick -> {
            if (tick == 0) {
                answers.add(handler.handleControl(control));
                handler.handleControl(SERVICE_CONTROL_STOP);
            }
        };

        handler.run(body);

        assertThat(answers).containsExactly(ERROR_CALL_NOT_IMPLEMENTED);
        assertThat(body.events).filteredOn(e -> e.startsWith("stop requested")).hasSize(1);
    }

    @Test
    void aFailedStartEndsStoppedWithAServiceSpecificExitCode() {
        ScriptedBody body = new ScriptedBody();
        body.startFailure = new IllegalStateException("port 10933 is in use");

        int exitCode = handler.run(body);

        assertThat(exitCode).isEqualTo(ServiceControlHandler.START_FAILED);
        assertThat(reports).containsExactly(
                status(ServiceState.START_PENDING, 1, START_HINT, 0),
                new ServiceStatusReport(ServiceState.STOPPED, ERROR_SERVICE_SPECIFIC_ERROR,
                        ServiceControlHandler.START_FAILED, 0, 0, 0));
        assertThat(body.stopRequested).isFalse();
    }

    @Test
    void workThatEndsUnaskedIsReportedAsAFailureSoWindowsRestartsIt() {
        ScriptedBody body = new ScriptedBody();
        body.endWithoutStop = true;

        int exitCode = handler.run(body);

        assertThat(exitCode).isEqualTo(ServiceControlHandler.STOPPED_UNEXPECTEDLY);
        assertThat(reports.getLast()).isEqualTo(new ServiceStatusReport(ServiceState.STOPPED,
                ERROR_SERVICE_SPECIFIC_ERROR, ServiceControlHandler.STOPPED_UNEXPECTEDLY, 0, 0, 0));
    }

    @Test
    void stopIsRefusedBeforeTheServiceRunsAndAfterItStopped() {
        List<Integer> answers = new ArrayList<>();
        ScriptedBody body = new ScriptedBody() {
            @Override
            public void start() {
                answers.add(handler.handleControl(SERVICE_CONTROL_STOP));
            }
        };
        body.onTick = tick -> handler.handleControl(SERVICE_CONTROL_STOP);

        answers.add(handler.handleControl(SERVICE_CONTROL_STOP));
        handler.run(body);
        answers.add(handler.handleControl(SERVICE_CONTROL_STOP));

        assertThat(answers).containsExactly(ERROR_SERVICE_CANNOT_ACCEPT_CTRL, ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
                ERROR_SERVICE_CANNOT_ACCEPT_CTRL);
    }

    @Test
    void runsOnlyOnce() {
        ScriptedBody body = new ScriptedBody();
        body.endWithoutStop = true;
        handler.run(body);

        assertThatThrownBy(() -> handler.run(new ScriptedBody())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already run");
    }

    @Test
    void rejectsWaitHintsWindowsCannotHold() {
        assertThatThrownBy(() -> new ServiceControlHandler(reports::add, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startWaitHint");
        assertThatThrownBy(() -> new ServiceControlHandler(reports::add, Duration.ofSeconds(1), Duration.ofDays(30),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stopWaitHint");
    }
}
