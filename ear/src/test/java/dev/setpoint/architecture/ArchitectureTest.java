package dev.setpoint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering every WAR keeps, read from the compiled classes of the modules the EAR holds (this
 * module builds after them): wire formats are decoded at the edges, so no application service sees
 * JSON, JAX-RS, Kafka, MongoDB or InfluxDB types; and {@code contracts} holds no WAR's documents,
 * only the layouts two WARs share.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of(System.getProperty("setpoint.root", ".."));

  /** Packages of the wire formats and stores that only adapters may touch. */
  private static final String[] ADAPTER_ONLY = {
    "jakarta.json..", // JSON-P and JSON-B
    "jakarta.ws.rs..",
    "org.apache.kafka..",
    "org.eclipse.microprofile.reactive.messaging..",
    "io.smallrye.reactive.messaging..",
    "com.mongodb..",
    "org.bson..",
    "org.eclipse.jnosql..",
    "jakarta.nosql..",
    "com.influxdb.."
  };

  private static JavaClasses compiled(String module) {
    Path classes = ROOT.resolve(module).resolve("target/classes");
    assertFalse(
        !Files.isDirectory(classes),
        classes + " is missing: build " + module + " first (./mvnw -pl ear -am verify)");
    JavaClasses imported = new ClassFileImporter().importPath(classes);
    assertFalse(imported.isEmpty(), "no compiled classes in " + classes);
    return imported;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-war", "relay-war", "analytics-war"})
  void noApplicationServiceSeesAWireFormatOrAStore(String module) {
    JavaClasses classes = compiled(module);
    assertFalse(
        classes.stream().noneMatch(c -> c.getPackageName().contains(".application")),
        module + " has no application package to check");
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTER_ONLY)
        .because("decoding belongs to the adapter; the application gets the decoded record")
        .check(classes);
  }

  private static final String CONFIG_PROPERTY =
      "org.eclipse.microprofile.config.inject.ConfigProperty";
  private static final String CONFIG_PROPERTIES =
      "org.eclipse.microprofile.config.inject.ConfigProperties";

  /** A row of the key table in docs/architecture.md: {@code | `key` | default | meaning |}. */
  private static final Pattern DOCUMENTED_KEY = Pattern.compile("^\\| `([^`]+)` \\|");

  private static Optional<String> name(JavaAnnotation<?> annotation) {
    return annotation.get("name").map(String::valueOf).filter(n -> !n.isEmpty());
  }

  /**
   * Every configuration key a WAR reads through MicroProfile Config's annotations: the name in the
   * {@code ConfigProperty} qualifier of an injected field (the typed configuration classes) or
   * parameter.
   */
  private static Set<String> keysRead(JavaClasses classes) {
    Set<String> keys = new TreeSet<>();
    annotatable(classes)
        .forEach(
            e ->
                e.tryGetAnnotationOfType(CONFIG_PROPERTY)
                    .flatMap(ArchitectureTest::name)
                    .ifPresent(keys::add));
    return keys;
  }

  /** Every class, field and code unit parameter of {@code classes}: where annotations go. */
  private static Stream<HasAnnotations<?>> annotatable(JavaClasses classes) {
    return classes.stream()
        .flatMap(
            c ->
                Stream.of(
                        Stream.<HasAnnotations<?>>of(c),
                        c.getFields().stream(),
                        c.getCodeUnits().stream().flatMap(u -> u.getParameters().stream()))
                    .flatMap(x -> x));
  }

  /**
   * MicroProfile's {@code @ConfigProperties} beans fail in the EAR (SRCFG00027: SmallRye registers
   * the mapping with the application's Config and looks it up in the web module's), while the same
   * WAR passes its own tests alone; so the typed configuration classes inject their fields instead,
   * and no WAR may use it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ingest-war", "relay-war", "analytics-war"})
  void noWarUsesConfigPropertiesBeans(String module) {
    JavaClasses classes = compiled(module);
    assertEquals(
        List.of(),
        annotatable(classes)
            .filter(e -> e.isAnnotatedWith(CONFIG_PROPERTIES))
            .map(Object::toString)
            .toList(),
        module + ": classes that use @ConfigProperties, which does not resolve in the EAR");
  }

  private static Set<String> documentedKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"))) {
      Matcher m = DOCUMENTED_KEY.matcher(line);
      if (m.find()) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-war", "relay-war", "analytics-war"})
  void everyConfigurationKeyTheCodeReadsIsDocumented(String module) throws IOException {
    Set<String> read = keysRead(compiled(module));
    assertFalse(read.isEmpty(), module + " reads no configuration key: the scan is broken");
    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(documentedKeys());
    assertEquals(
        Set.of(),
        missing,
        "keys " + module + " reads that docs/architecture.md's key table does not list");
  }

  @Test
  void everyDocumentedSetpointKeyIsReadBySomeWar() throws IOException {
    Set<String> read = new TreeSet<>();
    for (String module : new String[] {"ingest-war", "relay-war", "analytics-war"}) {
      read.addAll(keysRead(compiled(module)));
    }
    Set<String> stale = new TreeSet<>();
    for (String key : documentedKeys()) {
      if (key.startsWith("setpoint.") && !read.contains(key)) {
        stale.add(key);
      }
    }
    assertEquals(Set.of(), stale, "docs/architecture.md lists keys no WAR reads any more");
  }

  @Test
  void contractsHoldsOnlyThePersistedLayoutsTwoWarsShare() {
    Set<String> entities = new TreeSet<>();
    for (JavaClass c : compiled("contracts")) {
      if (c.isAnnotatedWith("jakarta.nosql.Entity")) {
        entities.add(c.getSimpleName());
      }
    }
    assertEquals(
        Set.of("BufferedEvent", "CommandTarget", "OutboxMessage", "StoredCommand"),
        entities,
        "contracts keeps wire types and pure rules; each WAR owns its own documents");
  }
}
