package dev.tentacle.instances.cli;

/** How a command prints data: text for people, JSON for scripts. */
public enum OutputFormat {
    TEXT, JSON
}
