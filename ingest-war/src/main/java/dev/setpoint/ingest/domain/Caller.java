package dev.setpoint.ingest.domain;

import java.security.Principal;

/** Who sent a request, once its credential was checked: an operator or one device. */
public sealed interface Caller extends Principal {

  /** The caller's name as it appears in logs: the operator's user name or the device's name. */
  String name();

  @Override
  default String getName() {
    return name();
  }

  /**
   * A person operating the hub, authenticated by a MicroProfile JWT of the group {@value #GROUP}.
   *
   * @param name the JWT's {@code upn} (or {@code preferred_username}, or {@code sub})
   */
  record Operator(String name) implements Caller {
    /** The JWT group that makes its bearer an operator. */
    public static final String GROUP = "operator";
  }

  /**
   * A device, authenticated by its own bearer token.
   *
   * @param name the device name the token was issued for
   */
  record Device(String name) implements Caller {}
}
