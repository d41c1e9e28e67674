/**
 * The single-machine stack's local issuer: logins of the bootstrap user and the stored users
 * ({@code LocalIssuer}, checking credentials through {@code UserService}), PBKDF2 password hashes,
 * RS256 JWT signing with the JDK's own crypto, PEM keys and a throttle for failed logins. Verifying
 * JWTs is Liberty's MicroProfile JWT, configured by {@code mp.jwt.verify.*}; which role a token
 * grants is the access filters' concern ({@code setpoint.security.groups.*}).
 */
package dev.setpoint.ingest.infrastructure.security;
