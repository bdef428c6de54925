package dev.tentacle.instances.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A program and its arguments, exactly as the program should receive them (no shell in between).
 *
 * @param argv the program first, then its arguments
 * @param syntax how the program parses its command line; used to show the command and, on Windows, to pass it on
 * @param secretPositions positions in {@code argv} that hold secrets (a password): {@link #display()} masks them
 */
public record Command(List<String> argv, CommandLineSyntax syntax, Set<Integer> secretPositions) {
    static final String MASK = "********";

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(syntax, "syntax");
        secretPositions = Set.copyOf(secretPositions);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("A command needs at least the program to run.");
        }
        for (int position : secretPositions) {
            if (position < 1 || position >= argv.size()) {
                throw new IllegalArgumentException("Secret position " + position + " is not an argument of " + argv.getFirst());
            }
        }
    }

    /** A command for a POSIX system. */
    public static Command posix(String program, String... arguments) {
        return builder(CommandLineSyntax.POSIX, program).add(arguments).build();
    }

    /** A command for a Windows program. */
    public static Command windows(String program, String... arguments) {
        return builder(CommandLineSyntax.WINDOWS, program).add(arguments).build();
    }

    public static Builder builder(CommandLineSyntax syntax, String program) {
        return new Builder(syntax, program);
    }

    public String program() {
        return argv.getFirst();
    }

    public List<String> arguments() {
        return argv.subList(1, argv.size());
    }

    /** The command line as a person would type it, with secrets masked: safe to log and to show in messages. */
    public String display() {
        List<String> shown = new ArrayList<>(argv);
        for (int position : new TreeSet<>(secretPositions)) {
            shown.set(position, MASK);
        }
        return syntax.join(shown);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Builds a {@link Command}, noting which arguments are secret. */
    public static final class Builder {
        private final CommandLineSyntax syntax;
        private final List<String> argv = new ArrayList<>();
        private final Set<Integer> secrets = new TreeSet<>();

        private Builder(CommandLineSyntax syntax, String program) {
            this.syntax = syntax;
            argv.add(Objects.requireNonNull(program, "program"));
        }

        public Builder add(String... arguments) {
            for (String argument : arguments) {
                argv.add(Objects.requireNonNull(argument, "argument"));
            }
            return this;
        }

        public Builder add(List<String> arguments) {
            return add(arguments.toArray(String[]::new));
        }

        /** Adds an argument that {@link Command#display()} masks. */
        public Builder addSecret(String argument) {
            secrets.add(argv.size());
            argv.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        public Command build() {
            return new Command(argv, syntax, secrets);
        }
    }
}
