package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.config.FormerLocalIssuerKeys;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.PasswordHasher;
import dev.setpoint.ingest.domain.User;
import dev.setpoint.ingest.domain.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The local issuer's users: the bootstrap user of the configuration ({@code
 * setpoint.ingest.security.local-issuer.username} and {@code password-hash}, role {@code admin},
 * not changeable through the API) and the users an admin creates, kept in the {@link Users} store.
 * Every check of credentials ({@link #authenticate}) and every change of a user ({@link #create},
 * {@link #change}, {@link #setPassword}) goes through here, and each change is audited (who, the
 * user before and after; never a password or hash).
 *
 * <p>A reset password, a disabled user and a lesser role revoke every token the user holds ({@link
 * TokenRevocations#revokeAll}).
 *
 * <p>{@link #authenticate} always runs one password hash check, also for an unknown or disabled
 * user (against a hash of a random password), so the time a login takes does not tell whether the
 * name exists.
 */
@ApplicationScoped
public class UserService {
  private final Users users;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final TokenRevocations revocations;
  private final String bootstrapName;
  private final Optional<String> bootstrapHash;
  private final Clock clock;
  private volatile String decoyHash;

  @Inject
  public UserService(
      Users users,
      PasswordHasher hasher,
      AuditTrail audit,
      TokenRevocations revocations,
      LocalIssuerConfig config,
      Config allConfig) {
    this(
        users,
        hasher,
        audit,
        revocations,
        FormerLocalIssuerKeys.apply(config, allConfig),
        Clock.systemUTC());
  }

  private UserService(
      Users users,
      PasswordHasher hasher,
      AuditTrail audit,
      TokenRevocations revocations,
      LocalIssuerConfig config,
      Clock clock) {
    this(
        users,
        hasher,
        audit,
        revocations,
        config.username,
        config.passwordHash.filter(h -> !h.isBlank()).map(String::strip),
        clock);
  }

  /**
   * @param revocations where a reset password, a disabled user or a lesser role revokes the user's
   *     tokens
   * @param bootstrapName the configured bootstrap user's name
   * @param bootstrapHash its password hash; empty: there is no bootstrap user
   */
  public UserService(
      Users users,
      PasswordHasher hasher,
      AuditTrail audit,
      TokenRevocations revocations,
      String bootstrapName,
      Optional<String> bootstrapHash,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.audit = audit;
    this.revocations = revocations;
    this.bootstrapName = bootstrapName;
    this.bootstrapHash = bootstrapHash;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected UserService() {
    this.users = null;
    this.hasher = null;
    this.audit = null;
    this.revocations = null;
    this.bootstrapName = null;
    this.bootstrapHash = Optional.empty();
    this.clock = null;
  }

  /** What a check of credentials came to. */
  public sealed interface Authentication {
    /** The credentials are right: the user may have a token of {@code role}. */
    record Accepted(String username, Role role) implements Authentication {}

    /** Refused; {@code reason} is for the log and the audit trail, never for the caller. */
    record Refused(Reason reason) implements Authentication {}

    /** Why credentials were refused. */
    enum Reason {
      UNKNOWN_USER,
      WRONG_PASSWORD,
      DISABLED
    }
  }

  /**
   * Checks a user name and password.
   *
   * @throws dev.setpoint.ingest.domain.StoreUnavailableException the user store is unreachable (the
   *     bootstrap user is checked without it)
   */
  public Authentication authenticate(String username, char[] password) {
    if (bootstrapHash.isPresent() && isBootstrap(username)) {
      return hasher.matches(bootstrapHash.get(), password)
          ? new Authentication.Accepted(bootstrapName, Role.ADMIN)
          : new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
    }
    Optional<User> user = users.find(username);
    boolean matches = hasher.matches(user.map(User::passwordHash).orElseGet(this::decoy), password);
    if (user.isEmpty()) {
      return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
    }
    if (!matches) {
      return new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
    }
    if (user.get().disabled()) {
      return new Authentication.Refused(Authentication.Reason.DISABLED);
    }
    return new Authentication.Accepted(user.get().username(), user.get().role());
  }

  /**
   * The role of an enabled user as it is now (for a refresh): the bootstrap user is an admin; empty
   * for a disabled or unknown user.
   *
   * @throws dev.setpoint.ingest.domain.StoreUnavailableException the user store is unreachable
   */
  public Optional<Role> activeRole(String username) {
    if (bootstrapHash.isPresent() && isBootstrap(username)) {
      return Optional.of(Role.ADMIN);
    }
    return users.find(username).filter(u -> !u.disabled()).map(User::role);
  }

  /** Every user, the bootstrap user first. */
  public List<UserAccount> list() {
    List<UserAccount> all = new ArrayList<>();
    if (bootstrapHash.isPresent()) {
      all.add(UserAccount.bootstrap(bootstrapName));
    }
    for (User user : users.all()) {
      all.add(UserAccount.of(user));
    }
    return all;
  }

  /**
   * Creates a user.
   *
   * @param actor the admin who creates it
   * @throws InvalidUserException a field breaks {@link UserRules}
   * @throws UserConflictException the name is taken (by a stored or the bootstrap user)
   */
  public UserAccount create(String username, String role, String password, AuditActor actor) {
    UserRules.username(username);
    Role newRole = UserRules.role(role);
    char[] secret = UserRules.password(password);
    if (isBootstrap(username)) {
      throw new UserConflictException("user '" + username + "' exists (the bootstrap user)");
    }
    Instant now = clock.instant();
    User user = new User(username, newRole, hash(secret), false, now, now);
    try {
      users.add(user);
    } catch (DuplicateNameException e) {
      throw new UserConflictException("user '" + username + "' exists");
    }
    UserAccount created = UserAccount.of(user);
    audit.user(actor, AuditAction.CREATE, username, null, audited(created));
    return created;
  }

  /**
   * Changes a user's role or disabled flag; an absent value stays as it is.
   *
   * @param actor the admin who changes it: they may not demote or disable themself, so the users
   *     cannot lose their last way in through a slip
   * @throws InvalidUserException the role is unknown
   * @throws UnknownUserException no such user
   * @throws UserConflictException the user is the bootstrap user, or the admin's own account
   */
  public UserAccount change(
      String username, Optional<String> role, Optional<Boolean> disabled, AuditActor actor) {
    Optional<Role> newRole = role.map(UserRules::role);
    User user = changeable(username);
    Role nextRole = newRole.orElse(user.role());
    boolean nextDisabled = disabled.orElse(user.disabled());
    if (username.equals(actor.name()) && (!nextRole.includes(user.role()) || nextDisabled)) {
      throw new UserConflictException(
          "an admin cannot demote or disable their own account; another admin can");
    }
    User changed = user.with(nextRole, nextDisabled, clock.instant());
    users.update(changed);
    UserAccount after = UserAccount.of(changed);
    audit.user(actor, AuditAction.UPDATE, username, audited(UserAccount.of(user)), audited(after));
    if ((nextDisabled && !user.disabled()) || !nextRole.includes(user.role())) {
      // a token of the old role, or of a disabled user, must not outlive the change
      revocations.revokeAll(username, actor);
    }
    return after;
  }

  /**
   * Sets a user's password.
   *
   * @param actor the admin who sets it
   * @throws InvalidUserException the password breaks {@link UserRules}
   * @throws UnknownUserException no such user
   * @throws UserConflictException the user is the bootstrap user
   */
  public void setPassword(String username, String password, AuditActor actor) {
    char[] secret = UserRules.password(password);
    User user = changeable(username);
    User changed = user.withPassword(hash(secret), clock.instant());
    users.update(changed);
    audit.user(
        actor,
        AuditAction.UPDATE,
        username,
        AuditChange.state("password", "set", "updatedAt", user.updatedAt()),
        AuditChange.state("password", "reset", "updatedAt", changed.updatedAt()));
    revocations.revokeAll(username, actor);
  }

  private User changeable(String username) {
    if (isBootstrap(username)) {
      throw new UserConflictException(
          "'"
              + username
              + "' is the bootstrap user of the configuration; change it there (./setpoint"
              + " reset-operator), not through the API");
    }
    return users.find(username).orElseThrow(() -> new UnknownUserException(username));
  }

  /** A user as the audit trail shows it: its role by its code, never its password hash. */
  private static Map<String, Object> audited(UserAccount user) {
    return AuditChange.state(
        "username",
        user.username(),
        "role",
        user.role().code(),
        "disabled",
        user.disabled(),
        "updatedAt",
        user.updatedAt());
  }

  private String hash(char[] password) {
    try {
      return hasher.hash(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private boolean isBootstrap(String username) {
    return MessageDigest.isEqual(
        username.getBytes(StandardCharsets.UTF_8), bootstrapName.getBytes(StandardCharsets.UTF_8));
  }

  /** A hash of a random password, checked for unknown users so they take as long as known ones. */
  private String decoy() {
    String hash = decoyHash;
    if (hash == null) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      hash = hasher.hash(Base64.getEncoder().encodeToString(random).toCharArray());
      decoyHash = hash;
    }
    return hash;
  }
}
