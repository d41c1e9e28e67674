/**
 * The single-machine stack's local issuer: logins of the bootstrap user and the stored users
 * ({@code LocalIssuer}, checking credentials through {@code UserService}), its sessions (rotating
 * refresh tokens, logout) and key set, PBKDF2 password hashes, RS256 JWT signing with the JDK's own
 * crypto, PEM keys, the login throttle (per address and per user name), the bound on concurrent
 * password checks and which client address a login counts against. Verifying JWTs is Liberty's
 * MicroProfile JWT, configured by {@code mp.jwt.verify.*} and server.xml's {@code mpJwt}; which
 * role a token grants, and whether it was revoked, is the access filters' concern.
 */
package dev.setpoint.ingest.infrastructure.security;
