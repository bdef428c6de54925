/** The calling side: running a script on an agent with capability checks, retries and the v1 fallback. */
package dev.tentacle.contracts.client;
