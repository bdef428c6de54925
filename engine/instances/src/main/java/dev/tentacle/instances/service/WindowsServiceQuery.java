package dev.tentacle.instances.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answer of {@code sc.exe query NAME}. The state is taken from its number ({@code STATE : 4 RUNNING}),
 * which does not depend on the Windows display language; exit code 1060 means the service does not exist.
 */
final class WindowsServiceQuery {
    static final int SERVICE_DOES_NOT_EXIST = 1060;
    private static final Pattern STATE = Pattern.compile("STATE\\s*:\\s*(\\d+)");

    private WindowsServiceQuery() {
    }

    static ServiceStatus parse(CommandResult result) {
        if (result.exitCode() == SERVICE_DOES_NOT_EXIST) {
            return ServiceStatus.notInstalled();
        }
        Matcher state = STATE.matcher(result.stdout());
        if (!result.succeeded() || !state.find()) {
            return ServiceStatus.unknown("`" + result.command().display() + "` answered with exit code "
                    + result.exitCode() + ": " + result.output());
        }
        return switch (Integer.parseInt(state.group(1))) {
            case 1 -> ServiceStatus.stopped();
            case 2 -> ServiceStatus.unknown("starting (START_PENDING); ask again in a moment");
            case 3 -> ServiceStatus.unknown("stopping (STOP_PENDING); ask again in a moment");
            case 4 -> ServiceStatus.running();
            case 5 -> ServiceStatus.unknown("resuming (CONTINUE_PENDING); ask again in a moment");
            case 6 -> ServiceStatus.unknown("pausing (PAUSE_PENDING); ask again in a moment");
            case 7 -> ServiceStatus.unknown("paused: resume or restart it in the Services app");
            default -> ServiceStatus.unknown("sc.exe reported state " + state.group(1) + ": " + result.output());
        };
    }
}
