package dev.setpoint.ingest.infrastructure.security;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.ingest.config.FormerLocalIssuerKeys;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The single-machine stack's operator login: checks the one configured operator's password and
 * issues a short-lived RS256 JWT of the group {@code operator}, which Liberty's MicroProfile JWT
 * then verifies like one from any external issuer.
 *
 * <p>It is on only when {@code setpoint.ingest.security.local-issuer.private-key-location} is set;
 * in Kubernetes an external identity provider issues operator tokens instead and this stays off.
 */
@ApplicationScoped
public class LocalIssuer {
  private static final Logger LOG = Logger.getLogger(LocalIssuer.class.getName());

  private final State state;
  private final String issuer;
  private final String username;
  private final Duration lifetime;
  private final LoginThrottle throttle;
  private final Clock clock;

  @Inject
  public LocalIssuer(LocalIssuerConfig config, Config all) {
    this(FormerLocalIssuerKeys.apply(config, all));
  }

  private LocalIssuer(LocalIssuerConfig config) {
    this(
        config.privateKeyLocation.filter(s -> !s.isBlank()).map(Path::of),
        config.passwordHash,
        config.issuer,
        config.username,
        config.tokenLifetime,
        new LoginThrottle(config.maxLoginAttempts, config.loginWindow, Ticker.systemTicker()),
        Clock.systemUTC());
  }

  LocalIssuer(
      Optional<Path> privateKey,
      Optional<String> passwordHash,
      String issuer,
      String username,
      Duration lifetime,
      LoginThrottle throttle,
      Clock clock) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.local-issuer.token-lifetime must be positive");
    }
    this.issuer = issuer;
    this.username = username;
    this.lifetime = lifetime;
    this.throttle = throttle;
    this.clock = clock;
    this.state = load(privateKey, passwordHash);
  }

  /** For CDI's proxy only. */
  protected LocalIssuer() {
    this.state = null;
    this.issuer = null;
    this.username = null;
    this.lifetime = null;
    this.throttle = null;
    this.clock = null;
  }

  /** Loads the key at deployment, so a misconfiguration shows in the log at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    switch (state) {
      case Off off -> LOG.info("local operator issuer off (no private key configured)");
      case Broken broken -> LOG.severe("local operator issuer misconfigured: " + broken.reason());
      case On on -> LOG.info("local operator issuer on, issuer " + issuer + ", user " + username);
    }
  }

  /** What a login attempt came to. */
  public sealed interface Outcome {
    /** A token was issued: {@code token} is the compact JWS, valid for {@code expiresIn}. */
    record Issued(String token, Duration expiresIn) implements Outcome {}

    /** Wrong user name or password. */
    record Refused() implements Outcome {}

    /** Too many attempts from this address; try again after {@code retryAfterSeconds}. */
    record Throttled(long retryAfterSeconds) implements Outcome {}

    /** The local issuer is not configured. */
    record Disabled() implements Outcome {}

    /** It is configured but cannot work; {@code reason} says why (never a secret). */
    record Unavailable(String reason) implements Outcome {}
  }

  /**
   * Checks the credentials and issues an operator token.
   *
   * @param clientAddress where the attempt comes from, for the throttle
   */
  public Outcome login(String user, String password, String clientAddress) {
    return switch (state) {
      case Off off -> new Outcome.Disabled();
      case Broken broken -> new Outcome.Unavailable(broken.reason());
      case On on -> login(on, user, password, clientAddress);
    };
  }

  private Outcome login(On on, String user, String password, String clientAddress) {
    long wait = throttle.attempt(clientAddress);
    if (wait > 0) {
      return new Outcome.Throttled(wait);
    }
    // Both checks always run, so the time taken does not reveal whether the user name was right.
    boolean passwordMatches = on.passwordHash().matches(password.toCharArray());
    boolean userMatches =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8));
    if (!(passwordMatches && userMatches)) {
      return new Outcome.Refused();
    }
    throttle.succeeded(clientAddress);
    long now = clock.instant().getEpochSecond();
    String token =
        on.signer()
            .sign(
                Json.createObjectBuilder()
                    .add("iss", issuer)
                    .add("sub", username)
                    .add("upn", username)
                    .add("groups", Json.createArrayBuilder().add(Caller.Operator.GROUP))
                    .add("iat", now)
                    .add("exp", now + lifetime.toSeconds())
                    .add("jti", UUID.randomUUID().toString())
                    .build());
    return new Outcome.Issued(token, lifetime);
  }

  private static State load(Optional<Path> privateKey, Optional<String> passwordHash) {
    if (privateKey.isEmpty()) {
      return new Off();
    }
    if (passwordHash.filter(s -> !s.isBlank()).isEmpty()) {
      return new Broken(
          "setpoint.ingest.security.local-issuer.password-hash is not set, so no operator can log in");
    }
    try {
      return new On(
          new JwtSigner(PemKeys.privateKey(privateKey.get())),
          Pbkdf2PasswordHash.parse(passwordHash.get()));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.FINE, "local issuer configuration", e);
      return new Broken(e.getMessage());
    }
  }

  private sealed interface State {}

  private record Off() implements State {}

  private record Broken(String reason) implements State {}

  private record On(JwtSigner signer, Pbkdf2PasswordHash passwordHash) implements State {}
}
