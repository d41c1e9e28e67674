package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who makes a request, as the audit trail records it: the verified JWT's name, the role its groups
 * map to ({@link Role#of}), and the TCP peer.
 */
final class AuditActors {
  private AuditActors() {}

  static AuditActor of(SecurityContext security, HttpServletRequest http) {
    Principal principal = security.getUserPrincipal();
    String role =
        principal instanceof JsonWebToken jwt
            ? Role.of(jwt.getGroups(), Role.ownGroups()).map(Role::code).orElse(null)
            : null;
    return new AuditActor(
        principal == null ? "anonymous" : principal.getName(), role, http.getRemoteAddr());
  }
}
