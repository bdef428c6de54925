/** The part of Octopus Server that owns Tentacles: storage, machines, health checks, script tasks and its API. */
package dev.tentacle.server;
