/**
 * The server's HTTPS API: server info, machine registration and removal, health check and script tasks, task status,
 * logs and cancellation. Authenticated by API key in a header; served with the server's own certificate.
 */
package dev.tentacle.server.api;
