package dev.tentacle.tentacle.cli;

import dev.tentacle.tentacle.agent.TentacleAgent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code tentacle run} on a background thread, the way a test drives it: the agent lifecycle hands the started agent
 * to the test instead of registering a JVM shutdown hook, and {@link #stop()} closes it, which ends the command.
 */
final class RunningTentacle implements AutoCloseable {
    /** Upper bound for start-up and shut-down, so that a broken build fails instead of hanging. */
    private static final Duration SAFETY_LIMIT = Duration.ofSeconds(60);

    private final CompletableFuture<TentacleAgent> agent = new CompletableFuture<>();
    private final CompletableFuture<CliHarness.Result> result;

    private RunningTentacle(CliHarness cli, String... args) {
        cli.agentLifecycle(agent::complete);
        String[] command = new String[args.length + 1];
        command[0] = "run";
        System.arraycopy(args, 0, command, 1, args.length);
        result = CompletableFuture.supplyAsync(() -> cli.run(command), runnable -> Thread.ofPlatform()
                .name("tentacle-run-under-test").daemon().start(runnable));
        // A run that fails before the agent starts never completes the agent future.
        result.whenComplete((r, e) -> agent.completeExceptionally(new IllegalStateException(
                "tentacle run ended before the agent started: " + (r == null ? e : r.err()))));
    }

    /** Starts {@code tentacle run ARGS} and waits until its agent is up. */
    static RunningTentacle start(CliHarness cli, String... args) throws Exception {
        var running = new RunningTentacle(cli, args);
        running.agent();
        return running;
    }

    /** Starts {@code tentacle run ARGS} without waiting, for runs expected to fail. */
    static CliHarness.Result runToCompletion(CliHarness cli, String... args) throws Exception {
        return new RunningTentacle(cli, args).result.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    TentacleAgent agent() throws InterruptedException, ExecutionException, TimeoutException {
        return agent.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the agent and returns what {@code run} printed and its exit code. */
    CliHarness.Result stop() throws Exception {
        agent().close();
        return result.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the agent if a test ended without {@link #stop()}, so that no port stays open. */
    @Override
    public void close() {
        if (agent.isDone() && !agent.isCompletedExceptionally()) {
            agent.join().close();
        }
    }
}
