package dev.tentacle.tentacle.cli;

/** How a command prints data: text for people, JSON for scripts. */
public enum OutputFormat {
    TEXT, JSON
}
