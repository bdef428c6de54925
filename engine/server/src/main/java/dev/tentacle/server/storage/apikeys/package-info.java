/**
 * API keys for the server's HTTPS API: shown once when created, stored only as a salted SHA-256 hash, verified in
 * time that does not depend on the key presented, revocable.
 */
package dev.tentacle.server.storage.apikeys;
