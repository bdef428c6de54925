/**
 * Registering this Tentacle on an Octopus Server through the server's HTTPS API, and removing it again: what
 * {@code tentacle register-with} and {@code tentacle deregister-from} do.
 *
 * <p>The API client pins the server's certificate by thumbprint rather than trusting a certificate authority, and
 * checks no host name: the certificate presented in the TLS handshake must be the one given with
 * {@code --server-thumbprint}, or, without it (trust on first use), the one the server itself reports in
 * {@code GET /api}. The API key is sent only after that check. Every failure is a {@link
 * dev.tentacle.tentacle.registration.RegistrationException} with a {@link
 * dev.tentacle.tentacle.registration.RegistrationFailure} code and a message that says what to check.
 */
package dev.tentacle.tentacle.registration;
