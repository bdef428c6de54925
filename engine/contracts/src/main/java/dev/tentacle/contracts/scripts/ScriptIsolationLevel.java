package dev.tentacle.contracts.scripts;

/**
 * How a script shares its named isolation mutex, as in Octopus: scripts with {@link #FULL_ISOLATION} run one at a
 * time and never beside a {@link #NO_ISOLATION} script of the same mutex; {@link #NO_ISOLATION} scripts may run
 * beside each other. In lock terms: full isolation takes the mutex exclusively, no isolation takes it shared.
 */
public enum ScriptIsolationLevel {
    FULL_ISOLATION,
    NO_ISOLATION
}
