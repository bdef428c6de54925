package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.tentacle.diagnostics.CheckResult;
import dev.tentacle.tentacle.diagnostics.CheckStatus;
import dev.tentacle.tentacle.diagnostics.TentacleDiagnostics;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: the connectivity checks of the instance, each with what to do when it does not pass. */
@Command(name = "check",
        header = "Checks the instance's connectivity and says what to fix.",
        sortOptions = false,
        description = "Checks that the configuration and certificate load, that the listening port is held by this"
                + " Tentacle and its welcome page answers, that a server is trusted, that each polled server resolves,"
                + " accepts connections (through the polling proxy) and presents the trusted certificate, that the"
                + " proxies answer, and that the Work directory has room. Exit code 0 when every check passes, 1"
                + " otherwise.")
final class CheckCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    FormatOption format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long each network step (a name lookup, a connection, a handshake) may take; default 5.")
    int timeoutSeconds;

    /** One check as printed in JSON. */
    record CheckView(String check, String name, String status, String finding, String advice, long elapsedMs) {
        static CheckView of(CheckResult r) {
            return new CheckView(r.kind().name(), r.name(), r.status().name(), r.finding(), r.advice(), r.elapsed().toMillis());
        }
    }

    record Summary(int passed, int warnings, int failed, int skipped) {
        static Summary of(List<CheckResult> results) {
            return new Summary(count(results, CheckStatus.PASSED), count(results, CheckStatus.WARNING),
                    count(results, CheckStatus.FAILED), count(results, CheckStatus.SKIPPED));
        }

        private static int count(List<CheckResult> results, CheckStatus status) {
            return (int) results.stream().filter(r -> r.status() == status).count();
        }
    }

    record Result(String instance, String configFile, boolean allPassed, Summary summary, List<CheckView> checks) {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new IllegalArgumentException("--timeout must be between 1 and 300 seconds, was " + timeoutSeconds + ".");
        }
        TentacleInstance target = instance.resolve(context());
        List<CheckResult> results = TentacleDiagnostics.forInstance(target)
                .withTimeout(Duration.ofSeconds(timeoutSeconds)).run(result -> { });
        boolean allPassed = results.stream().allMatch(CheckResult::passed);
        var result = new Result(target.name(), target.configFile().toString(), allPassed, Summary.of(results),
                results.stream().map(CheckView::of).toList());
        printer(format).print(result, out -> printText(out, target, results, result.summary()));
        return allPassed ? 0 : 1;
    }

    private static void printText(PrintWriter out, TentacleInstance target, List<CheckResult> results, Summary summary) {
        out.println("Checks of the Tentacle instance '" + target.name() + "':");
        for (CheckResult r : results) {
            out.println(String.format(Locale.ROOT, "  %-8s %s", r.status(), r.name()));
            out.println("           " + r.finding());
            if (r.advice() != null) {
                out.println("           What to do: " + r.advice());
            }
        }
        out.println(results.size() + " checks: " + summary.passed() + " passed, " + summary.warnings() + " with a warning, "
                + summary.failed() + " failed" + (summary.skipped() == 0 ? "" : ", " + summary.skipped() + " skipped") + ".");
    }
}
