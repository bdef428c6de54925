/**
 * Command-line support both products share: output as text or JSON, the one-line error reporting with exit codes 0,
 * 1 (user error) and 2 (unexpected), and parsers for option values. The {@code tentacle} and {@code octopus-server}
 * commands build on it.
 */
package dev.tentacle.instances.cli;
