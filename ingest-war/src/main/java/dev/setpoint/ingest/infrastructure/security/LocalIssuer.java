package dev.setpoint.ingest.infrastructure.security;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.application.TokenRevocations;
import dev.setpoint.ingest.application.UserService;
import dev.setpoint.ingest.application.UserService.Authentication;
import dev.setpoint.ingest.config.FormerLocalIssuerKeys;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.RefreshSession;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.TokenSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The single-machine stack's login: checks a user's password ({@link UserService#authenticate}: the
 * configured bootstrap user, an admin, or a user an admin created) and issues a short-lived RS256
 * access token whose {@code groups} are the user's role code ({@code viewer}, {@code operator} or
 * {@code admin}), which Liberty's MicroProfile JWT then verifies like one from any external issuer
 * (issuer, audience, key id, expiry), together with an opaque refresh token.
 *
 * <p>A login starts a session ({@code sid}): {@link #refresh} trades its refresh token, once, for a
 * new access and refresh token of the same session; a refresh token presented a second time was
 * copied, and the whole session is revoked. {@link #logout} revokes the access token and its
 * session. Refresh tokens are stored as SHA-256 hashes only ({@link TokenSessions}).
 *
 * <p>Logins pass the {@link LoginThrottle} (per address and per user name) and then the {@link
 * PasswordCheckGate} (a bound on concurrent PBKDF2 checks) before any password is hashed.
 *
 * <p>It is on only when {@code setpoint.ingest.security.local-issuer.private-key-location} is set;
 * in Kubernetes an external identity provider issues tokens instead and this stays off. Every
 * login, successful or refused, ends in {@link #login}.
 */
@ApplicationScoped
public class LocalIssuer {
  private static final Logger LOG = Logger.getLogger(LocalIssuer.class.getName());
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a client told that the password checks are busy should wait. */
  static final long BUSY_RETRY_SECONDS = 1;

  private final State state;
  private final Tokens tokens;
  private final UserService users;
  private final TokenRevocations revocations;
  private final TokenSessions sessions;
  private final LoginThrottle throttle;
  private final PasswordCheckGate gate;
  private final Clock clock;

  @Inject
  public LocalIssuer(
      LocalIssuerConfig config,
      Config all,
      UserService users,
      TokenRevocations revocations,
      TokenSessions sessions) {
    this(FormerLocalIssuerKeys.apply(config, all), users, revocations, sessions);
  }

  private LocalIssuer(
      LocalIssuerConfig config,
      UserService users,
      TokenRevocations revocations,
      TokenSessions sessions) {
    this(
        config.privateKeyLocation.filter(s -> !s.isBlank()).map(Path::of),
        paths(config.formerPublicKeyLocations),
        config.passwordHash,
        new Tokens(
            config.issuer,
            config.audience,
            config.username,
            config.tokenLifetime,
            config.refreshLifetime),
        users,
        revocations,
        sessions,
        new LoginThrottle(
            new LoginThrottle.Settings(
                config.loginFreeFailures,
                config.loginBaseDelay,
                config.loginMaxAddressDelay,
                config.loginMaxUserDelay,
                config.loginForgetAfter,
                REMEMBER_SUCCESS,
                MAX_TRACKED),
            Ticker.systemTicker()),
        new PasswordCheckGate(config.maxConcurrentPasswordChecks),
        Clock.systemUTC());
  }

  /** How long an address stays known to a user after a login from it. */
  static final Duration REMEMBER_SUCCESS = Duration.ofDays(30);

  /** The most entries of each of the throttle's tables. */
  static final int MAX_TRACKED = 10_000;

  /**
   * What tokens it issues.
   *
   * @param issuer their {@code iss}
   * @param audience their {@code aud}
   * @param bootstrapUser the configured bootstrap user's name
   * @param lifetime an access token's
   * @param refreshLifetime a refresh token's
   */
  record Tokens(
      String issuer,
      String audience,
      String bootstrapUser,
      Duration lifetime,
      Duration refreshLifetime) {
    Tokens {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException(
            "setpoint.ingest.security.local-issuer.token-lifetime must be positive");
      }
      if (refreshLifetime.compareTo(lifetime) < 0) {
        throw new IllegalArgumentException(
            "setpoint.ingest.security.local-issuer.refresh-lifetime must not be shorter than"
                + " token-lifetime");
      }
      if (audience == null || audience.isBlank()) {
        throw new IllegalArgumentException(
            "setpoint.ingest.security.local-issuer.audience must not be blank");
      }
    }
  }

  LocalIssuer(
      Optional<Path> privateKey,
      List<Path> formerPublicKeys,
      Optional<String> passwordHash,
      Tokens tokens,
      UserService users,
      TokenRevocations revocations,
      TokenSessions sessions,
      LoginThrottle throttle,
      PasswordCheckGate gate,
      Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.revocations = revocations;
    this.sessions = sessions;
    this.throttle = throttle;
    this.gate = gate;
    this.clock = clock;
    this.state = load(privateKey, formerPublicKeys, passwordHash);
  }

  /** For CDI's proxy only. */
  protected LocalIssuer() {
    this.state = null;
    this.tokens = null;
    this.users = null;
    this.revocations = null;
    this.sessions = null;
    this.throttle = null;
    this.gate = null;
    this.clock = null;
  }

  /** Loads the key at deployment, so a misconfiguration shows in the log at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    switch (state) {
      case Off off -> LOG.info("local issuer off (no private key configured)");
      case Broken broken -> LOG.severe("local issuer misconfigured: " + broken.reason());
      case On on ->
          LOG.info(
              "local issuer on, issuer "
                  + tokens.issuer()
                  + ", audience "
                  + tokens.audience()
                  + ", key "
                  + on.signer().keyId().orElse("(no id)")
                  + ", bootstrap user "
                  + tokens.bootstrapUser());
    }
  }

  /** What a login or refresh came to. */
  public sealed interface Outcome {
    /**
     * Tokens were issued: {@code token} is the compact JWS of {@code role}, valid for {@code
     * expiresIn}; {@code refreshToken} renews it once, within {@code refreshExpiresIn}.
     */
    record Issued(
        String token,
        Duration expiresIn,
        Role role,
        String username,
        String refreshToken,
        Duration refreshExpiresIn)
        implements Outcome {}

    /** Wrong user name or password, a disabled user, or an unknown, used or expired refresh. */
    record Refused() implements Outcome {}

    /** The user store cannot be reached; the attempt may be repeated. */
    record StoreUnavailable() implements Outcome {}

    /** Too many failed attempts of this address or user name; retry after that many seconds. */
    record Throttled(long retryAfterSeconds) implements Outcome {}

    /** Too many password checks run now; retry after that many seconds (nothing was checked). */
    record Busy(long retryAfterSeconds) implements Outcome {}

    /** The local issuer is not configured. */
    record Disabled() implements Outcome {}

    /** It is configured but cannot work; {@code reason} says why (never a secret). */
    record Unavailable(String reason) implements Outcome {}
  }

  /**
   * Checks the credentials and issues tokens of the user's role.
   *
   * @param clientAddress where the attempt comes from, for the throttle ({@link ClientAddress})
   */
  public Outcome login(String user, String password, String clientAddress) {
    return switch (state) {
      case Off off -> new Outcome.Disabled();
      case Broken broken -> new Outcome.Unavailable(broken.reason());
      case On on -> login(on, user, password, clientAddress);
    };
  }

  private Outcome login(On on, String user, String password, String clientAddress) {
    long wait = throttle.attempt(user, clientAddress);
    if (wait > 0) {
      return new Outcome.Throttled(wait);
    }
    Authentication checked;
    try {
      checked = gate.tryCheck(() -> users.authenticate(user, password.toCharArray()));
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "cannot check a login: the user store is unavailable", e);
      return new Outcome.StoreUnavailable();
    }
    if (checked == null) {
      // not judged: take the counted failure back, so a busy server costs no one their budget
      throttle.notJudged(user, clientAddress);
      return new Outcome.Busy(BUSY_RETRY_SECONDS);
    }
    return switch (checked) {
      case Authentication.Refused refused -> {
        LOG.fine(() -> "login refused (" + refused.reason() + ") from " + clientAddress);
        yield new Outcome.Refused();
      }
      case Authentication.Accepted accepted -> {
        throttle.succeeded(user, clientAddress);
        try {
          yield issue(on, accepted.username(), accepted.role(), UUID.randomUUID().toString());
        } catch (StoreUnavailableException e) {
          LOG.log(Level.WARNING, "cannot store a refresh token: the store is unavailable", e);
          yield new Outcome.StoreUnavailable();
        }
      }
    };
  }

  /**
   * Trades a refresh token for a new access and refresh token of the same session, with the user's
   * role as it is now. A refresh token works once: presented again, the session is revoked.
   */
  public synchronized Outcome refresh(String refreshToken) {
    return switch (state) {
      case Off off -> new Outcome.Disabled();
      case Broken broken -> new Outcome.Unavailable(broken.reason());
      case On on -> refresh(on, refreshToken);
    };
  }

  private Outcome refresh(On on, String refreshToken) {
    try {
      Optional<RefreshSession> found = sessions.find(hash(refreshToken));
      if (found.isEmpty()) {
        return new Outcome.Refused();
      }
      RefreshSession session = found.get();
      AuditActor actor = new AuditActor(session.username(), null, null);
      if (session.rotated()) {
        LOG.warning(
            "a used refresh token of "
                + session.username()
                + " was presented again; its session is revoked");
        revocations.revokeSession(
            session.username(),
            null,
            session.sessionId(),
            now().getEpochSecond() + tokens.lifetime().toSeconds(),
            actor);
        return new Outcome.Refused();
      }
      if (!session.expiresAt().isAfter(now())) {
        return new Outcome.Refused();
      }
      Optional<Role> role = users.activeRole(session.username());
      if (role.isEmpty()) {
        sessions.deleteSession(session.sessionId());
        return new Outcome.Refused();
      }
      sessions.update(session.asRotated());
      return issue(on, session.username(), role.get(), session.sessionId());
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "cannot refresh a token: the store is unavailable", e);
      return new Outcome.StoreUnavailable();
    }
  }

  /**
   * Revokes an access token of this issuer and its session (its refresh tokens included).
   *
   * @param username the token's user
   * @param tokenId its {@code jti}
   * @param sessionId its {@code sid}, or null for a token of no session
   * @param expiresAt its {@code exp}
   * @param actor who logs out
   */
  public void logout(
      String username, String tokenId, String sessionId, long expiresAt, AuditActor actor) {
    revocations.revokeSession(username, tokenId, sessionId, expiresAt, actor);
  }

  /** The issuer's own {@code iss}, to tell its tokens from an external provider's. */
  public String issuer() {
    return tokens.issuer();
  }

  /**
   * The public keys its tokens may be signed with, as a JSON Web Key Set (RFC 7517): the current
   * key and the configured former ones. Empty when the issuer is off.
   */
  public JsonObject keySet() {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    if (state instanceof On on) {
      on.signer().jwk().ifPresent(keys::add);
      for (RSAPublicKey former : on.formerKeys()) {
        keys.add(JwtSigner.jwk(former));
      }
    }
    return Json.createObjectBuilder().add("keys", keys).build();
  }

  private Outcome.Issued issue(On on, String username, Role role, String sessionId) {
    Instant now = now();
    String refresh = randomToken();
    sessions.add(
        new RefreshSession(
            hash(refresh), sessionId, username, now, now.plus(tokens.refreshLifetime()), false));
    return new Outcome.Issued(
        accessToken(on, username, role, sessionId, now),
        tokens.lifetime(),
        role,
        username,
        refresh,
        tokens.refreshLifetime());
  }

  private String accessToken(On on, String username, Role role, String sessionId, Instant now) {
    // never below the user's revocation cutoff, so a login right after a reset is not refused
    long iat = Math.max(now.getEpochSecond(), revocations.earliestIssuedAt(username));
    return on.signer()
        .sign(
            Json.createObjectBuilder()
                .add("iss", tokens.issuer())
                .add("aud", tokens.audience())
                .add("sub", username)
                .add("upn", username)
                .add("preferred_username", username)
                .add("groups", Json.createArrayBuilder().add(role.code()))
                .add("iat", iat)
                .add("exp", iat + tokens.lifetime().toSeconds())
                .add("jti", UUID.randomUUID().toString())
                .add(TokenRevocation.SESSION_CLAIM, sessionId)
                .build());
  }

  private Instant now() {
    return clock.instant();
  }

  /** 32 random bytes, base64url: a refresh token. */
  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** SHA-256, base64url: how a refresh token is stored (it is random, so no salt is needed). */
  static String hash(String token) {
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static List<Path> paths(Optional<String> list) {
    List<Path> paths = new ArrayList<>();
    for (String entry : list.orElse("").split(",")) {
      if (!entry.isBlank()) {
        paths.add(Path.of(entry.strip()));
      }
    }
    return paths;
  }

  private static State load(
      Optional<Path> privateKey, List<Path> formerPublicKeys, Optional<String> passwordHash) {
    if (privateKey.isEmpty()) {
      return new Off();
    }
    if (passwordHash.filter(s -> !s.isBlank()).isEmpty()) {
      return new Broken(
          "setpoint.ingest.security.local-issuer.password-hash is not set, so the bootstrap user cannot log in");
    }
    try {
      Pbkdf2PasswordHash.parse(passwordHash.get()); // checked here, used by UserService
      JwtSigner signer = new JwtSigner(PemKeys.privateKey(privateKey.get()));
      if (signer.keyId().isEmpty()) {
        return new Broken(
            privateKey.get() + " holds no public exponent, so its tokens could carry no key id");
      }
      List<RSAPublicKey> former = new ArrayList<>();
      for (Path path : formerPublicKeys) {
        former.add(PemKeys.publicKey(path));
      }
      return new On(signer, List.copyOf(former));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.FINE, "local issuer configuration", e);
      return new Broken(e.getMessage());
    }
  }

  private sealed interface State {}

  private record Off() implements State {}

  private record Broken(String reason) implements State {}

  private record On(JwtSigner signer, List<RSAPublicKey> formerKeys) implements State {}
}
