/**
 * The Tentacle's service contracts: the interfaces and records that the agent implements and that the server (and
 * tests) call through comms proxies, plus the client-side {@link dev.tentacle.contracts.client.ScriptExecutor}. Both
 * the agent and the server depend on this module; neither depends on the other.
 */
package dev.tentacle.contracts;
