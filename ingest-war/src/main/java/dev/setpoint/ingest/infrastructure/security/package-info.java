/**
 * The local operator issuer of the single-machine stack: PBKDF2 password check, RS256 JWT signing
 * with the JDK's own crypto, PEM keys and a throttle for failed logins. Verifying JWTs is Liberty's
 * MicroProfile JWT, configured by {@code mp.jwt.verify.*}.
 */
package dev.setpoint.ingest.infrastructure.security;
