package dev.setpoint.ingest.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Role;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Default deny, checked at build time: every JAX-RS resource method in ingest's classes declares
 * exactly one access rule, and a {@link DeviceOrRole} rule names a parameter of its path. A new
 * endpoint without a rule fails this test before it is ever deployed (and {@link AccessFilter}
 * would refuse it to everyone).
 */
class EveryEndpointDeclaresAccessTest {

  @Test
  void everyResourceMethodHasExactlyOneRule() throws Exception {
    Map<String, AccessRule> rules = resourceMethods();
    List<String> problems = new ArrayList<>();
    rules.forEach(
        (name, rule) -> {
          if (rule instanceof AccessRule.Undeclared undeclared) {
            problems.add(undeclared.problem());
          }
        });
    assertEquals(List.of(), problems);
    // The scan found the endpoints that exist, so it cannot pass by finding nothing.
    assertEquals(new AccessRule.Anyone(), rules.get("CommonResource.ping"));
    assertEquals(new AccessRule.Anyone(), rules.get("AuthResource.token"));
    assertEquals(new AccessRule.Anyone(), rules.get("EnrolmentResource.enrol"));
    for (String codes :
        List.of("EnrolmentResource.create", "EnrolmentResource.list", "EnrolmentResource.revoke")) {
      assertEquals(new AccessRule.People(Role.OPERATOR), rules.get(codes), codes);
    }
    assertEquals(
        new AccessRule.DeviceOrPeople("deviceName", Role.OPERATOR), rules.get("EventResource.add"));
    assertEquals(new AccessRule.People(Role.OPERATOR), rules.get("DeviceTokenResource.issue"));
    assertEquals(new AccessRule.People(Role.OPERATOR), rules.get("DeviceTokenResource.revoke"));
    assertEquals(new AccessRule.People(Role.VIEWER), rules.get("DeviceMetadataResource.all"));
    assertEquals(new AccessRule.People(Role.OPERATOR), rules.get("CommandResource.write"));
    for (String users :
        List.of("UserResource.list", "UserResource.create", "UserResource.change")) {
      assertEquals(new AccessRule.People(Role.ADMIN), rules.get(users), users);
    }
    assertEquals(new AccessRule.People(Role.ADMIN), rules.get("UserResource.setPassword"));
  }

  @Test
  void deviceRulesNameAParameterOfTheirPath() throws Exception {
    int checked = 0;
    for (Class<?> type : ingestClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (httpMethod(method)
            && AccessRule.of(type, method) instanceof AccessRule.DeviceOrPeople d) {
          String path =
              path(type.getAnnotation(Path.class)) + path(method.getAnnotation(Path.class));
          assertTrue(
              path.contains("{" + d.pathParam() + "}") || path.contains("{" + d.pathParam() + ":"),
              type.getSimpleName()
                  + "."
                  + method.getName()
                  + ": path "
                  + path
                  + " has no parameter "
                  + d.pathParam());
          checked++;
        }
      }
    }
    // EventResource.add is one (resourceMethods above): the scan cannot pass by finding none.
    assertTrue(checked > 0, "no device rule found");
  }

  private static Map<String, AccessRule> resourceMethods() throws Exception {
    Map<String, AccessRule> rules = new TreeMap<>();
    for (Class<?> type : ingestClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (httpMethod(method)) {
          rules.put(type.getSimpleName() + "." + method.getName(), AccessRule.of(type, method));
        }
      }
    }
    return rules;
  }

  private static boolean httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static String path(Path path) {
    return path == null ? "" : path.value();
  }

  /** Every class compiled from src/main/java of ingest-war (the test classes are elsewhere). */
  private static List<Class<?>> ingestClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    java.nio.file.Path root =
        Paths.get(
            IngestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (name.startsWith("dev.setpoint.ingest.") && !name.endsWith("package-info")) {
          classes.add(Class.forName(name, false, IngestApplication.class.getClassLoader()));
        }
      }
    }
    assertTrue(classes.size() > 10, "found the compiled classes in " + root);
    return classes;
  }
}
