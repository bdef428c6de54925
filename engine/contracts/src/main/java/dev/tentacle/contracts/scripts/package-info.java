/** Script execution contracts: v1 (agent-issued tickets) and v2 (caller-issued tickets, safe to retry). */
package dev.tentacle.contracts.scripts;
