package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who makes a request, as the audit trail records it: the verified JWT's name, the role its groups
 * map to (as the access filter answers {@code isUserInRole}), and the TCP peer.
 */
final class AuditActors {
  private AuditActors() {}

  static AuditActor of(SecurityContext security, HttpServletRequest http) {
    Principal principal = security.getUserPrincipal();
    String role = null;
    for (Role r : Role.values()) {
      if (principal != null && security.isUserInRole(r.code())) {
        role = r.code(); // the highest role the access filter found the caller's groups to grant
      }
    }
    return new AuditActor(
        principal == null ? "anonymous" : principal.getName(), role, http.getRemoteAddr());
  }
}
