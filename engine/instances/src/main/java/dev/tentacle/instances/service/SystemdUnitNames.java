package dev.tentacle.instances.service;

import java.nio.charset.StandardCharsets;

/**
 * Names an instance's systemd unit: {@code tentacle-NAME.service} or {@code octopus-server-NAME.service}, where NAME
 * is the instance name escaped as {@code systemd-escape} does, except that {@code -} stays as it is.
 *
 * <p>ASCII letters, digits, {@code :}, {@code _}, {@code .} and {@code -} are kept; every other byte of the name's
 * UTF-8 form becomes {@code \xNN} (lower-case hex). So {@code Web01} gives {@code tentacle-Web01.service},
 * {@code my-agent} gives {@code tentacle-my-agent.service} and {@code My Instance} gives
 * {@code tentacle-My\x20Instance.service}. The escaping is one-to-one, so two instance names never share a unit.
 * Keeping {@code -} (which {@code systemd-escape} writes as {@code \x2d}, because it reserves {@code -} for
 * {@code /} in paths) keeps the common names readable; instance names are not paths, so {@code /} is escaped as
 * {@code \x2f} instead.
 */
public final class SystemdUnitNames {
    /** systemd's limit on a unit name's length. */
    public static final int LONGEST_UNIT_NAME = 255;
    private static final String SUFFIX = ".service";

    private SystemdUnitNames() {
    }

    /** The unit name, e.g. {@code tentacle-My\x20Instance.service}. */
    public static String unitName(ServiceName service) {
        String name = service.kind().unitNamePrefix() + escape(service.instanceName()) + SUFFIX;
        if (name.length() > LONGEST_UNIT_NAME) {
            throw new ServiceManagerException("The instance name \"" + service.instanceName() + "\" makes a systemd unit "
                    + "name of " + name.length() + " characters, and systemd allows at most " + LONGEST_UNIT_NAME
                    + " (spaces and non-ASCII letters take four characters each once escaped): choose a shorter "
                    + "instance name.");
        }
        return name;
    }

    /** The instance name with every byte outside {@code [A-Za-z0-9:_.-]} written as {@code \xNN}. */
    public static String escape(String instanceName) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : instanceName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isKept(c)) {
                escaped.append((char) c);
            } else {
                escaped.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return escaped.toString();
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ':' || c == '_' || c == '.' || c == '-';
    }
}
