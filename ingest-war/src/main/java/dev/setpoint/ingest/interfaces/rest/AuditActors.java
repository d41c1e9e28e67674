package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.ingest.domain.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who makes a request, as the audit trail records it: the {@link Caller} {@link AccessFilter}
 * admitted (its name, and a person's role or {@code device}) and the TCP peer.
 */
final class AuditActors {
  /** The name v1 clients are recorded under: the v1 API has no credentials, only networks. */
  static final String LEGACY_CLIENT = "v1-client";

  private AuditActors() {}

  static AuditActor of(SecurityContext security, HttpServletRequest http) {
    Principal principal = security.getUserPrincipal();
    return switch (principal) {
      case Caller.Person person ->
          new AuditActor(person.name(), person.role().code(), http.getRemoteAddr());
      case Caller.Device device ->
          new AuditActor(device.name(), AuditActor.DEVICE_ROLE, http.getRemoteAddr());
      case null -> legacy(http);
      default -> new AuditActor(principal.getName(), null, http.getRemoteAddr());
    };
  }

  /** A client of the v1 API, admitted by its network. */
  static AuditActor legacy(HttpServletRequest http) {
    return new AuditActor(LEGACY_CLIENT, null, http.getRemoteAddr());
  }
}
