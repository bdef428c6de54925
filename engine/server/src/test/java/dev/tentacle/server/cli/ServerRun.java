package dev.tentacle.server.cli;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code octopus-server run} on a background thread, the way a test drives it: the lifecycle hands the started server to
 * the test instead of registering a JVM shutdown hook, and {@link #stop()} closes it, which ends the command.
 */
final class ServerRun implements AutoCloseable {
    /** Upper bound for start-up and shut-down, so that a broken build fails instead of hanging. */
    private static final Duration SAFETY_LIMIT = Duration.ofSeconds(90);

    private final CompletableFuture<RunningServer> server = new CompletableFuture<>();
    private final CompletableFuture<ServerCliHarness.Run> result;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ServerRun(ServerCliHarness cli, String... args) {
        cli.lifecycle(server::complete);
        String[] command = new String[args.length + 1];
        command[0] = "run";
        System.arraycopy(args, 0, command, 1, args.length);
        result = CompletableFuture.supplyAsync(() -> cli.run(out, err, command), runnable -> Thread.ofPlatform()
                .name("octopus-server-run-under-test").daemon().start(runnable));
        // A run that fails before the server starts never completes the server future.
        result.whenComplete((r, e) -> server.completeExceptionally(new IllegalStateException(
                "octopus-server run ended before the server started: " + (r == null ? e : r.err()))));
    }

    /** Starts {@code octopus-server run ARGS} and waits until the server is up. */
    static ServerRun start(ServerCliHarness cli, String... args) throws Exception {
        var running = new ServerRun(cli, args);
        running.server();
        return running;
    }

    /** Runs {@code octopus-server run ARGS} expecting it to fail before the server is up. */
    static ServerCliHarness.Run runToCompletion(ServerCliHarness cli, String... args) throws Exception {
        return new ServerRun(cli, args).result.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    RunningServer server() throws Exception {
        return server.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** What it has printed on standard output so far. */
    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Stops the server and returns what {@code run} printed and its exit code. */
    ServerCliHarness.Run stop() throws Exception {
        server().close();
        return result.get(SAFETY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the server if a test ended without {@link #stop()}, so that no port stays open. */
    @Override
    public void close() {
        if (server.isDone() && !server.isCompletedExceptionally()) {
            server.join().close();
        }
    }
}
