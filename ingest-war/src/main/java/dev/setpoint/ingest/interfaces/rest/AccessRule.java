package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.DeclaredAccess;
import dev.setpoint.contracts.security.EndpointAccess;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import java.lang.reflect.Method;

/**
 * The access rule a resource method declares with {@link Public}, {@link Requires}, {@link
 * DeviceOrRole} or {@link LegacyNetwork} (the annotations marked {@link EndpointAccess}): on the
 * method, else on its class. None, or more than one in the same place, is {@link Undeclared}, which
 * {@link AccessFilter} refuses to everyone.
 */
sealed interface AccessRule {

  /** {@link Public}. */
  record Anyone() implements AccessRule {}

  /** {@link Requires}: a person of at least {@code role}. */
  record People(Role role) implements AccessRule {}

  /** {@link DeviceOrRole}. */
  record DeviceOrPeople(String pathParam, Role role) implements AccessRule {}

  /** {@link LegacyNetwork}. */
  record LegacyClients() implements AccessRule {}

  /** No rule, or an ambiguous one: a bug in the resource, refused by default. */
  record Undeclared(String problem) implements AccessRule {}

  /** The rule of {@code method} when invoked on {@code resourceClass}. */
  static AccessRule of(Class<?> resourceClass, Method method) {
    return switch (DeclaredAccess.of(resourceClass, method)) {
      case DeclaredAccess.Problem problem -> new Undeclared(problem.problem());
      case DeclaredAccess.Rule rule -> from(rule);
    };
  }

  private static AccessRule from(DeclaredAccess.Rule rule) {
    return switch (rule.annotation()) {
      case Public p -> new Anyone();
      case Requires r -> new People(r.value());
      case DeviceOrRole d -> new DeviceOrPeople(d.pathParam(), d.role());
      case LegacyNetwork l -> new LegacyClients();
      default ->
          new Undeclared(rule.where() + ": ingest does not enforce the rule " + rule.annotation());
    };
  }
}
