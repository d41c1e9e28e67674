package dev.setpoint.contracts.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the access rule a JAX-RS resource method declares: the one annotation marked {@link
 * EndpointAccess} on the method, else on its class. Each WAR's access filter turns what is found
 * into the rule it enforces; none, or more than one in the same place, is a {@link Problem}, which
 * every filter refuses to everyone (default deny).
 */
public final class DeclaredAccess {
  private DeclaredAccess() {}

  /** What a resource method declares. */
  public sealed interface Found {}

  /**
   * Exactly one rule.
   *
   * @param where the method or class that declares it, for messages
   */
  public record Rule(Annotation annotation, String where) implements Found {}

  /** No rule, or an ambiguous one: a bug in the resource. */
  public record Problem(String problem) implements Found {}

  /** The rule of {@code method} when invoked on {@code resourceClass}. */
  public static Found of(Class<?> resourceClass, Method method) {
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
        return one(rules, "method " + method.getName());
      }
    }
    List<Annotation> rules = rules(method.getAnnotations());
    if (rules.isEmpty()) {
      rules = rules(resourceClass.getAnnotations()); // @Inherited: the proxy's superclass counts
    }
    if (rules.isEmpty()) {
      return new Problem(
          resourceClass.getName() + "." + method.getName() + " declares no access rule");
    }
    return one(rules, "class " + resourceClass.getName());
  }

  private static Found one(List<Annotation> rules, String where) {
    return rules.size() > 1
        ? new Problem(where + " declares more than one access rule: " + rules)
        : new Rule(rules.get(0), where);
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
