/** Which services and versions an agent hosts, so callers can choose ScriptServiceV2 or fall back to v1. */
package dev.tentacle.contracts.capabilities;
