package dev.tentacle.server.machines;

import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Health-checks many machines at once, at most {@code maxConcurrent} at a time, each with its own machine policy's
 * retry settings, and records every result in the machine's history.
 */
public final class HealthCheckRunner {
    private final HealthChecker checker;
    private final Repositories storage;
    private final int maxConcurrent;

    public HealthCheckRunner(HealthChecker checker, Repositories storage, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("At least one health check must be allowed to run at a time, was " + maxConcurrent);
        }
        this.checker = checker;
        this.storage = storage;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * Checks every machine, reporting each result as it arrives, and returns the results in the machines' order.
     *
     * @throws InterruptedException when the caller is interrupted; checks still running are cancelled
     */
    public List<HealthCheckResult> checkAll(List<Machine> machines, Consumer<HealthCheckResult> onResult) throws InterruptedException {
        Semaphore slots = new Semaphore(maxConcurrent);
        List<Future<HealthCheckResult>> running = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Machine machine : machines) {
                running.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        HealthCheckResult result = storage.healthChecks().record(checker.check(machine, MachinePolicies.retryPolicyOf(storage, machine)));
                        onResult.accept(result);
                        return result;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<HealthCheckResult> results = new ArrayList<>();
            for (Future<HealthCheckResult> future : running) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
    }
}
