package dev.setpoint.ingest.infrastructure.security;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.UserService;
import dev.setpoint.ingest.application.UserService.Authentication;
import dev.setpoint.ingest.config.FormerLocalIssuerKeys;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The single-machine stack's login: checks a user's password ({@link UserService#authenticate}: the
 * configured bootstrap user, an admin, or a user an admin created) and issues a short-lived RS256
 * JWT whose {@code groups} are the user's role code ({@code viewer}, {@code operator} or {@code
 * admin}), which Liberty's MicroProfile JWT then verifies like one from any external issuer.
 *
 * <p>It is on only when {@code setpoint.ingest.security.local-issuer.private-key-location} is set;
 * in Kubernetes an external identity provider issues tokens instead and this stays off. Every
 * login, successful or refused, ends in {@link #login}.
 */
@ApplicationScoped
public class LocalIssuer {
  private static final Logger LOG = Logger.getLogger(LocalIssuer.class.getName());

  private final State state;
  private final String issuer;
  private final String username;
  private final Duration lifetime;
  private final UserService users;
  private final LoginThrottle throttle;
  private final Clock clock;

  @Inject
  public LocalIssuer(LocalIssuerConfig config, Config all, UserService users) {
    this(FormerLocalIssuerKeys.apply(config, all), users);
  }

  private LocalIssuer(LocalIssuerConfig config, UserService users) {
    this(
        config.privateKeyLocation.filter(s -> !s.isBlank()).map(Path::of),
        config.passwordHash,
        config.issuer,
        config.username,
        config.tokenLifetime,
        users,
        new LoginThrottle(config.maxLoginAttempts, config.loginWindow, Ticker.systemTicker()),
        Clock.systemUTC());
  }

  LocalIssuer(
      Optional<Path> privateKey,
      Optional<String> passwordHash,
      String issuer,
      String username,
      Duration lifetime,
      UserService users,
      LoginThrottle throttle,
      Clock clock) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.local-issuer.token-lifetime must be positive");
    }
    this.issuer = issuer;
    this.username = username;
    this.lifetime = lifetime;
    this.users = users;
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
    this.users = null;
    this.throttle = null;
    this.clock = null;
  }

  /** Loads the key at deployment, so a misconfiguration shows in the log at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    switch (state) {
      case Off off -> LOG.info("local issuer off (no private key configured)");
      case Broken broken -> LOG.severe("local issuer misconfigured: " + broken.reason());
      case On on -> LOG.info("local issuer on, issuer " + issuer + ", bootstrap user " + username);
    }
  }

  /** What a login attempt came to. */
  public sealed interface Outcome {
    /**
     * A token was issued: {@code token} is the compact JWS of {@code role}, valid for {@code
     * expiresIn}.
     */
    record Issued(String token, Duration expiresIn, Role role) implements Outcome {}

    /** Wrong user name or password, or a disabled user. */
    record Refused() implements Outcome {}

    /** The user store cannot be reached; the attempt may be repeated. */
    record StoreUnavailable() implements Outcome {}

    /** Too many attempts from this address; try again after {@code retryAfterSeconds}. */
    record Throttled(long retryAfterSeconds) implements Outcome {}

    /** The local issuer is not configured. */
    record Disabled() implements Outcome {}

    /** It is configured but cannot work; {@code reason} says why (never a secret). */
    record Unavailable(String reason) implements Outcome {}
  }

  /**
   * Checks the credentials and issues a token of the user's role.
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
    Authentication checked;
    try {
      checked = users.authenticate(user, password.toCharArray());
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "cannot check a login: the user store is unavailable", e);
      return new Outcome.StoreUnavailable();
    }
    return switch (checked) {
      case Authentication.Refused refused -> {
        LOG.fine(() -> "login refused (" + refused.reason() + ") from " + clientAddress);
        yield new Outcome.Refused();
      }
      case Authentication.Accepted accepted -> {
        throttle.succeeded(clientAddress);
        yield new Outcome.Issued(token(on, accepted), lifetime, accepted.role());
      }
    };
  }

  private String token(On on, Authentication.Accepted user) {
    long now = clock.instant().getEpochSecond();
    return on.signer()
        .sign(
            Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", user.username())
                .add("upn", user.username())
                .add("preferred_username", user.username())
                .add("groups", Json.createArrayBuilder().add(user.role().code()))
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .add("jti", UUID.randomUUID().toString())
                .build());
  }

  private static State load(Optional<Path> privateKey, Optional<String> passwordHash) {
    if (privateKey.isEmpty()) {
      return new Off();
    }
    if (passwordHash.filter(s -> !s.isBlank()).isEmpty()) {
      return new Broken(
          "setpoint.ingest.security.local-issuer.password-hash is not set, so the bootstrap user cannot log in");
    }
    try {
      Pbkdf2PasswordHash.parse(passwordHash.get()); // checked here, used by UserService
      return new On(new JwtSigner(PemKeys.privateKey(privateKey.get())));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.FINE, "local issuer configuration", e);
      return new Broken(e.getMessage());
    }
  }

  private sealed interface State {}

  private record Off() implements State {}

  private record Broken(String reason) implements State {}

  private record On(JwtSigner signer) implements State {}
}
