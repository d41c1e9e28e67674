package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.EndpointAccess;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

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
    // The resource class may be a CDI proxy subclass that repeats the method without annotations,
    // so the method is looked up along the class hierarchy.
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      Method declared;
      try {
        declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        continue;
      }
      List<Annotation> rules = rules(declared.getAnnotations());
      if (!rules.isEmpty()) {
        return from(rules, "method " + method.getName());
      }
    }
    List<Annotation> rules = rules(method.getAnnotations());
    if (rules.isEmpty()) {
      rules = rules(resourceClass.getAnnotations()); // @Inherited: the proxy's superclass counts
    }
    if (rules.isEmpty()) {
      return new Undeclared(
          resourceClass.getName() + "." + method.getName() + " declares no access rule");
    }
    return from(rules, "class " + resourceClass.getName());
  }

  private static AccessRule from(List<Annotation> rules, String where) {
    if (rules.size() > 1) {
      return new Undeclared(where + " declares more than one access rule: " + rules);
    }
    return switch (rules.get(0)) {
      case Public p -> new Anyone();
      case Requires r -> new People(r.value());
      case DeviceOrRole d -> new DeviceOrPeople(d.pathParam(), d.role());
      case LegacyNetwork l -> new LegacyClients();
      default -> new Undeclared(where + ": ingest does not enforce the rule " + rules.get(0));
    };
  }

  private static List<Annotation> rules(Annotation[] annotations) {
    List<Annotation> rules = new ArrayList<>();
    for (Annotation a : annotations) {
      if (a.annotationType().isAnnotationPresent(EndpointAccess.class)) {
        rules.add(a);
      }
    }
    return rules;
  }
}
