package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * The fabric8 and Strimzi models keep fields they do not know in "additional properties" instead of
 * refusing them, so a misspelt field (say {@code failureTreshold}) would parse and be ignored by
 * the cluster. This walks a parsed object and fails on any such field, with its path.
 */
final class Strict {

  private Strict() {}

  static void assertNoUnknownFields(Object object, String where) {
    walk(object, where);
  }

  private static void walk(Object value, String path) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]");
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> walk(item, path + "." + key));
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !getter.getName().startsWith("get")) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue; // a computed getter that does not apply to this object
      }
      String name = getter.getName();
      if (name.equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          fail(path + ": fields the model does not know: " + extra.keySet());
        }
        continue;
      }
      String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
      walk(child, path + "." + field);
    }
  }
}
