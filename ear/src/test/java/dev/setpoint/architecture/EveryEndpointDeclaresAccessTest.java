package dev.setpoint.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Default deny in all three WARs, checked on their compiled classes: every JAX-RS resource method
 * declares exactly one access rule (an annotation marked {@code @EndpointAccess}: {@code @Public},
 * {@code @Requires(role)}, or a WAR's own rule for devices, v1 networks and the scrape token), on
 * the method or else on its class. Each WAR's access filter refuses a method without one at run
 * time; this fails the build first. The relay serves no resources, which is checked too, so a
 * resource added there cannot slip past unchecked. The public endpoints are pinned to the ones that
 * are meant to be public.
 */
class EveryEndpointDeclaresAccessTest {
  private static final Path ROOT = Path.of(System.getProperty("setpoint.root", ".."));
  private static final String ACCESS_MARKER = "dev.setpoint.contracts.security.EndpointAccess";
  private static final String PUBLIC = "dev.setpoint.contracts.security.Public";
  private static final String REQUIRES = "dev.setpoint.contracts.security.Requires";
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").stream()
          .map(m -> "jakarta.ws.rs." + m)
          .collect(java.util.stream.Collectors.toSet());

  /** Each module's import, made once: importing a WAR's classes takes seconds. */
  private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

  /** The module's classes with contracts', so the rules' annotation types resolve. */
  private static JavaClasses compiled(String module) {
    return IMPORTED.computeIfAbsent(module, EveryEndpointDeclaresAccessTest::importModule);
  }

  private static JavaClasses importModule(String module) {
    Path classes = ROOT.resolve(module).resolve("target/classes");
    Path contracts = ROOT.resolve("contracts/target/classes");
    assertTrue(
        Files.isDirectory(classes) && Files.isDirectory(contracts),
        classes + " or " + contracts + " is missing: build first (./mvnw -pl ear -am verify)");
    return new ClassFileImporter().importPaths(classes, contracts);
  }

  private static boolean isResourceMethod(JavaMethod method) {
    return method.getAnnotations().stream()
        .anyMatch(a -> HTTP_METHODS.contains(a.getRawType().getName()));
  }

  private static List<JavaAnnotation<?>> rules(Set<? extends JavaAnnotation<?>> annotations) {
    List<JavaAnnotation<?>> rules = new ArrayList<>();
    for (JavaAnnotation<?> a : annotations) {
      if (a.getRawType().isAnnotatedWith(ACCESS_MARKER)) {
        rules.add(a);
      }
    }
    return rules;
  }

  /** Per resource method ({@code Class.method}), its rules: the method's, else its class's. */
  private static Map<String, List<JavaAnnotation<?>>> resourceMethods(String module) {
    Map<String, List<JavaAnnotation<?>>> methods = new TreeMap<>();
    for (JavaClass type : compiled(module)) {
      if (!type.getPackageName().startsWith("dev.setpoint.")
          || type.getPackageName().startsWith("dev.setpoint.contracts")
          // A MicroProfile Rest Client interface has JAX-RS annotations but serves nothing; every
          // resource here is a class.
          || type.isInterface()) {
        continue;
      }
      for (JavaMethod method : type.getMethods()) {
        if (isResourceMethod(method)) {
          List<JavaAnnotation<?>> rules = rules(method.getAnnotations());
          if (rules.isEmpty()) {
            rules = rules(type.getAnnotations());
          }
          methods.put(type.getSimpleName() + "." + method.getName(), rules);
        }
      }
    }
    return methods;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-war", "analytics-war"})
  void everyResourceMethodDeclaresExactlyOneAccessRule(String module) {
    Map<String, List<JavaAnnotation<?>>> methods = resourceMethods(module);
    assertTrue(methods.size() > 15, module + ": the scan found only " + methods.keySet());
    Map<String, Integer> wrong = new TreeMap<>();
    methods.forEach(
        (name, rules) -> {
          if (rules.size() != 1) {
            wrong.put(name, rules.size());
          }
        });
    assertEquals(Map.of(), wrong, module + ": resource methods without exactly one access rule");
  }

  @Test
  void theRelayServesNoResourceMethods() {
    assertEquals(
        Map.of(),
        resourceMethods("relay-war"),
        "the relay has no REST resources; one added needs its access rules and this test's care");
    // The scan does see JAX-RS methods there: the weather client's, which serves nothing.
    assertTrue(
        compiled("relay-war").stream()
            .filter(JavaClass::isInterface)
            .flatMap(c -> c.getMethods().stream())
            .anyMatch(EveryEndpointDeclaresAccessTest::isResourceMethod),
        "the relay's weather client was not found: the scan is broken");
  }

  @Test
  void onlyTheIntendedEndpointsArePublic() {
    Set<String> open = new TreeSet<>();
    for (String module : List.of("ingest-war", "analytics-war")) {
      resourceMethods(module)
          .forEach(
              (name, rules) -> {
                if (rules.size() == 1 && rules.get(0).getRawType().getName().equals(PUBLIC)) {
                  open.add(module + " " + name);
                }
              });
    }
    assertEquals(
        new TreeSet<>(
            Set.of(
                "ingest-war AuthResource.token",
                "ingest-war AuthResource.refresh",
                "ingest-war AuthResource.jwks",
                "ingest-war CommonResource.ping",
                "ingest-war CommonResource.version",
                "ingest-war EnrolmentResource.enrol",
                "analytics-war DashboardConfigResource.config",
                "analytics-war KServeResource.metadata",
                "analytics-war KServeResource.ready",
                "analytics-war KServeServerResource.metadata",
                "analytics-war KServeServerResource.live",
                "analytics-war KServeServerResource.ready",
                "analytics-war ModelResource.current")),
        open);
  }

  @Test
  void usersAndNotificationChannelsAreForAdmins() {
    Map<String, List<JavaAnnotation<?>>> ingest = resourceMethods("ingest-war");
    Map<String, List<JavaAnnotation<?>>> analytics = resourceMethods("analytics-war");
    for (String m : List.of("list", "create", "change", "setPassword")) {
      assertEquals("ADMIN", role(ingest.get("UserResource." + m)), "UserResource." + m);
    }
    for (String m : List.of("create", "update", "delete")) {
      assertEquals("ADMIN", role(analytics.get("NotificationResource." + m)), m);
    }
    assertEquals("ADMIN", role(analytics.get("ModelResource.reload")));
    assertEquals("ADMIN", role(analytics.get("AlertResource.setRules")));
    assertEquals("OPERATOR", role(analytics.get("AlertResource.acknowledge")));
    assertEquals("OPERATOR", role(analytics.get("RoomResource.setMode")));
    assertEquals("VIEWER", role(analytics.get("HistoryResource.climate")));
  }

  private static String role(List<JavaAnnotation<?>> rules) {
    assertEquals(1, rules.size(), String.valueOf(rules));
    JavaAnnotation<?> rule = rules.get(0);
    assertEquals(REQUIRES, rule.getRawType().getName());
    return String.valueOf(rule.get("value").orElseThrow()).replaceAll(".*\\.", "");
  }
}
