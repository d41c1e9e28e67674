package dev.setpoint.contracts.audit;

/**
 * Who made a change, as the audit trail names them: the {@code actor}, {@code role} and {@code
 * address} of an {@link AuditRecord}. A WAR's REST layer makes one per request from its credential
 * and TCP peer; the services' own work uses {@link #SYSTEM} or {@link #RECOMMENDER}.
 *
 * @param name a user name, a device name, {@code recommender} or {@code system}
 * @param role {@code viewer}, {@code operator}, {@code admin}, {@code device} for a device token,
 *     or null when no one was authenticated (a failed login, a v1 client) or for the services' own
 *     work
 * @param address the request's TCP peer, or null for the services' own work
 */
public record AuditActor(String name, String role, String address) {

  /** A service acting on its own: seeding, a model file picked up, a scheduled task. */
  public static final AuditActor SYSTEM = new AuditActor("system", null, null);

  /** The cloud's recommender, whose commands the relay applies at the edge. */
  public static final AuditActor RECOMMENDER = new AuditActor("recommender", null, null);

  /** The role of a caller authenticated by a device token. */
  public static final String DEVICE_ROLE = "device";

  /**
   * @throws IllegalArgumentException when the name is missing: every record names who
   */
  public AuditActor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an audit actor needs a name");
    }
  }
}
