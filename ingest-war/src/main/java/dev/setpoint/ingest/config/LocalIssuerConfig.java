package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single-machine stack's login, {@code setpoint.ingest.security.local-issuer.*}. It is on only
 * when {@code private-key-location} (a PKCS#8 PEM file) is set, together with {@code password-hash}
 * ({@code pbkdf2-sha256:<iterations>:<salt>:<key>}); its {@code issuer} must equal {@code
 * mp.jwt.verify.issuer}, its key pair the one {@code mp.jwt.verify.publickey.location} names. The
 * former names of three keys still work for one release: {@link FormerLocalIssuerKeys}.
 */
@Dependent
public class LocalIssuerConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.private-key-location")
  public Optional<String> privateKeyLocation;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.password-hash")
  public Optional<String> passwordHash;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.issuer",
      defaultValue = "urn:setpoint:local-issuer")
  public String issuer;

  /**
   * The bootstrap user's name: an admin whose password hash is {@link #passwordHash}, the one login
   * that exists before any other user is created (the others are stored in MongoDB).
   */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.username",
      defaultValue = "operator")
  public String username;

  /** The {@code aud} of its tokens; every verifier checks it ({@code mp.jwt.verify.audiences}). */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.audience",
      defaultValue = "setpoint")
  public String audience;

  /** How long an access token is valid; short, since a refresh token renews it. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.token-lifetime",
      defaultValue = "PT10M")
  public Duration tokenLifetime;

  /** How long a refresh token is valid unused; each refresh issues a new one. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.refresh-lifetime",
      defaultValue = "PT8H")
  public Duration refreshLifetime;

  /**
   * Public keys (X.509 PEM files, comma-separated) the issuer signed with before its current key:
   * published in its key set until their tokens have expired (docs/security.md, key rotation).
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.former-public-key-locations")
  public Optional<String> formerPublicKeyLocations;

  /** Failed logins of one address, or of one user name, before delays start. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-free-failures",
      defaultValue = "5")
  public int loginFreeFailures;

  /** The first delay after the free failures; it doubles with each further failure. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-base-delay",
      defaultValue = "PT1S")
  public Duration loginBaseDelay;

  /** The longest delay of one client address. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-max-address-delay",
      defaultValue = "PT15M")
  public Duration loginMaxAddressDelay;

  /**
   * The longest delay of one user name, for addresses the user has not logged in from before (an
   * address they have is held by its own count only).
   */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-max-user-delay",
      defaultValue = "PT1M")
  public Duration loginMaxUserDelay;

  /** How long after its last failure an address's or user name's count is forgotten. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-forget-after",
      defaultValue = "PT1H")
  public Duration loginForgetAfter;

  /** Password checks (600,000-iteration PBKDF2 each) at once; more are answered 503 at once. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.max-concurrent-password-checks",
      defaultValue = "2")
  public int maxConcurrentPasswordChecks;

  /**
   * Reverse proxies (addresses or CIDR networks, comma-separated) whose {@code X-Forwarded-For} is
   * believed for the login throttle; empty: the TCP peer counts, the header is ignored.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.trusted-proxies")
  public Optional<String> trustedProxies;
}
