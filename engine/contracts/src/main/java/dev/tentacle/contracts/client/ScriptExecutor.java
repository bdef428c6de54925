package dev.tentacle.contracts.client;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.retry.RetryListener;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.scripts.CancelScriptCommand;
import dev.tentacle.contracts.scripts.CompleteScriptCommand;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.StartScriptCommandV2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a script on one agent from the calling side (the server, or a test), as Octopus does: it asks the agent's
 * capabilities, uses ScriptServiceV2 when the agent has it, so that every call can be retried after a network
 * failure without running the script twice, and falls back to ScriptService v1 otherwise (whose start is never
 * retried). It follows the log until the script completes, then completes the ticket so the agent cleans up.
 * Interrupting the calling thread cancels the script.
 */
public final class ScriptExecutor {
    private final CommsRuntime runtime;
    private final ServiceEndpoint endpoint;
    private final RetryPolicy retryPolicy;
    private final RetryListener retryListener;
    private final Duration pollInterval;

    public ScriptExecutor(CommsRuntime runtime, ServiceEndpoint endpoint, RetryPolicy retryPolicy) {
        this(runtime, endpoint, retryPolicy, RetryListener.NONE, Duration.ofMillis(200));
    }

    public ScriptExecutor(CommsRuntime runtime, ServiceEndpoint endpoint, RetryPolicy retryPolicy, RetryListener retryListener,
            Duration pollInterval) {
        this.runtime = runtime;
        this.endpoint = endpoint;
        this.retryPolicy = retryPolicy;
        this.retryListener = retryListener;
        this.pollInterval = pollInterval;
    }

    /** Runs the script under a new ticket and waits for it to finish, passing each log line to {@code onLog}. */
    public ScriptResult execute(StartScriptCommand command, Consumer<ProcessOutput> onLog) {
        return execute(ScriptTicket.newTicket(), command, onLog);
    }

    /**
     * Runs the script under the given ticket (ScriptServiceV2) or an agent-issued one (v1 fallback).
     *
     * @throws CommsException when the agent cannot be reached within the retry policy, or the call is cancelled
     */
    public ScriptResult execute(ScriptTicket ticket, StartScriptCommand command, Consumer<ProcessOutput> onLog) {
        return supportsV2() ? runV2(ticket, command, onLog) : runV1(command, onLog);
    }

    /** True when the agent hosts ScriptServiceV2; an agent without the capabilities service is a v1 agent. */
    public boolean supportsV2() {
        try {
            CapabilitiesResponse capabilities = proxy(CapabilitiesService.class).getCapabilities();
            return capabilities.supports(ScriptServiceV2.class);
        } catch (CommsException e) {
            if (e.code() == ErrorCode.SERVICE_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private ScriptResult runV2(ScriptTicket ticket, StartScriptCommand command, Consumer<ProcessOutput> onLog) {
        ScriptServiceV2 scripts = proxy(ScriptServiceV2.class);
        LogCollector logs = new LogCollector(onLog);
        try {
            ScriptStatusResponse status = logs.add(scripts.startScript(StartScriptCommandV2.of(ticket, command)));
            status = follow(status, logs, request -> scripts.getStatus(request));
            ScriptStatusResponse last = logs.add(scripts.completeScript(new CompleteScriptCommand(ticket, logs.lastSequence())));
            return new ScriptResult(ticket, last.state() == ProcessState.COMPLETE ? last.exitCode() : status.exitCode(), logs.lines(), 2);
        } catch (CancelledByCaller | CommsException e) {
            throw cancelIfInterrupted(e, ticket, () -> scripts.cancelScript(new CancelScriptCommand(ticket, logs.lastSequence())));
        }
    }

    private ScriptResult runV1(StartScriptCommand command, Consumer<ProcessOutput> onLog) {
        ScriptService scripts = proxy(ScriptService.class);
        LogCollector logs = new LogCollector(onLog);
        ScriptTicket ticket = scripts.startScript(command);
        try {
            ScriptStatusResponse status = follow(new ScriptStatusResponse(ticket, ProcessState.STARTING, 0, List.of(), 0), logs,
                    request -> scripts.getStatus(request));
            ScriptStatusResponse last = logs.add(scripts.completeScript(new CompleteScriptCommand(ticket, logs.lastSequence())));
            return new ScriptResult(ticket, last.state() == ProcessState.COMPLETE ? last.exitCode() : status.exitCode(), logs.lines(), 1);
        } catch (CancelledByCaller | CommsException e) {
            throw cancelIfInterrupted(e, ticket, () -> scripts.cancelScript(new CancelScriptCommand(ticket, logs.lastSequence())));
        }
    }

    /**
     * When the caller was interrupted (in a wait, or during a call, which then fails with CANCELLED), cancels the
     * script on the agent, restores the interrupt and reports CANCELLED; any other failure passes through.
     */
    private static RuntimeException cancelIfInterrupted(RuntimeException failure, ScriptTicket ticket, Runnable cancelOnAgent) {
        boolean interrupted = failure instanceof CancelledByCaller
                || failure instanceof CommsException comms && comms.code() == ErrorCode.CANCELLED && Thread.interrupted();
        if (!interrupted) {
            return failure;
        }
        try {
            cancelOnAgent.run();
        } finally {
            Thread.currentThread().interrupt();
        }
        return new CommsException(ErrorCode.CANCELLED, "The script " + ticket + " was cancelled on the agent because the caller was interrupted.");
    }

    /** Polls until the script is complete and its log has been read to the end. */
    private ScriptStatusResponse follow(ScriptStatusResponse first, LogCollector logs,
            java.util.function.Function<ScriptStatusRequest, ScriptStatusResponse> getStatus) {
        ScriptStatusResponse status = first;
        while (true) {
            boolean complete = status.state() == ProcessState.COMPLETE;
            boolean drained = status.logs().isEmpty();
            if (complete && drained) {
                return status;
            }
            if (!complete && drained) {
                pause();
            }
            status = logs.add(getStatus.apply(new ScriptStatusRequest(status.ticket(), logs.lastSequence())));
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            throw new CancelledByCaller(); // the flag is cleared, so the cancel call can still go out
        }
        if (Thread.interrupted()) {
            throw new CancelledByCaller();
        }
    }

    private <T> T proxy(Class<T> service) {
        return runtime.client(endpoint, service, retryPolicy, retryListener);
    }

    /** Collects log pages, skipping lines already seen (a retried status call may repeat a page). */
    private static final class LogCollector {
        private final Consumer<ProcessOutput> onLog;
        private final List<ProcessOutput> lines = new ArrayList<>();
        private long lastSequence;

        LogCollector(Consumer<ProcessOutput> onLog) {
            this.onLog = onLog;
        }

        ScriptStatusResponse add(ScriptStatusResponse response) {
            for (ProcessOutput line : response.logs()) {
                if (line.sequence() > lastSequence) {
                    lines.add(line);
                    lastSequence = line.sequence();
                    onLog.accept(line);
                }
            }
            return response;
        }

        long lastSequence() {
            return lastSequence;
        }

        List<ProcessOutput> lines() {
            return lines;
        }
    }

    /** The caller was interrupted while waiting between status calls. */
    private static final class CancelledByCaller extends RuntimeException {
        CancelledByCaller() {
            super(null, null, false, false);
        }
    }
}
