package dev.setpoint.contracts.audit;

/** What was done ({@code action} of an {@link AuditRecord}) to the thing its kind names. */
public final class AuditAction {
  /** It did not exist before. */
  public static final String CREATE = "create";

  /** It existed and was changed. */
  public static final String UPDATE = "update";

  /** It no longer exists. */
  public static final String DELETE = "delete";

  /** A device was locked (admin state LOCKED): its events and commands are refused. */
  public static final String LOCK = "lock";

  /** A device was unlocked. */
  public static final String UNLOCK = "unlock";

  /** A device token was issued where the device had none. */
  public static final String ISSUE = "issue";

  /** A device token was issued in place of a valid one, which stopped working. */
  public static final String ROTATE = "rotate";

  /** A device token was revoked. */
  public static final String REVOKE = "revoke";

  /** An enrolment code was traded for devices' tokens. */
  public static final String USE = "use";

  /** An alert was acknowledged. */
  public static final String ACKNOWLEDGE = "acknowledge";

  /** A model was loaded again. */
  public static final String RELOAD = "reload";

  /** A running pilot was stopped. */
  public static final String STOP = "stop";

  /** A login succeeded. */
  public static final String SUCCESS = "success";

  /** A login failed. */
  public static final String FAILURE = "failure";

  private AuditAction() {}
}
