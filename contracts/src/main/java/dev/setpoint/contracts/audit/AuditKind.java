package dev.setpoint.contracts.audit;

/**
 * What an {@link AuditRecord} says was changed ({@code kind}), one name per thing every WAR
 * records, so the API's {@code kind} filter finds a change whichever service made it.
 */
public final class AuditKind {
  /** A device resource's commanded value (Core Command, or the recommender through the relay). */
  public static final String COMMAND = "command";

  /** An operator's command that holds its value against the recommender until a time. */
  public static final String HOLD = "hold";

  /** A room's control mode (auto, advisory, off). */
  public static final String ROOM_MODE = "room_mode";

  /** Whether a room holds tape (its setpoint then changes more slowly). */
  public static final String ROOM_TAPE = "room_tape";

  /** A device in Core Metadata, its lock (admin state) included. */
  public static final String DEVICE = "device";

  /** A device profile. */
  public static final String PROFILE = "profile";

  /** A device service. */
  public static final String SERVICE = "service";

  /** A device's bearer token (the token itself is never recorded). */
  public static final String DEVICE_TOKEN = "device_token";

  /**
   * An enrolment code, which a device trades for its own token (the code itself is never recorded).
   */
  public static final String ENROLMENT_CODE = "enrolment_code";

  /** A user of the local issuer and their role (a password or its hash is never recorded). */
  public static final String USER = "user";

  /** A scope's alert thresholds. */
  public static final String ALERT_RULE = "alert_rule";

  /** An alert, acknowledged by an operator. */
  public static final String ALERT = "alert";

  /** A notification subscription (its secret is never recorded). */
  public static final String SUBSCRIPTION = "subscription";

  /** The setpoint model served. */
  public static final String MODEL = "model";

  /**
   * Operator tokens revoked (logout, password reset, a disabled user): its {@code after} names what
   * is revoked ({@code security.TokenRevocation}); every verifier of the local issuer's tokens
   * obeys it.
   */
  public static final String TOKEN = "token";

  /** A login attempt. */
  public static final String LOGIN = "login";

  /** A room's baseline period for measured savings. */
  public static final String BASELINE = "baseline";

  /** A room's pilot (fixed-setpoint days against recommended ones). */
  public static final String PILOT = "pilot";

  /** A v1 registry entry (value descriptor, addressable) of the legacy EdgeX API. */
  public static final String LEGACY_REGISTRY = "legacy_registry";

  private AuditKind() {}
}
