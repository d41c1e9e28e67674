package dev.setpoint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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

  @Test
  void contractsHoldsOnlyThePersistedLayoutsTwoWarsShare() {
    Set<String> entities = new TreeSet<>();
    for (JavaClass c : compiled("contracts")) {
      if (c.isAnnotatedWith("jakarta.nosql.Entity")) {
        entities.add(c.getSimpleName());
      }
    }
    assertEquals(
        Set.of("BufferedEvent", "CommandTarget", "StoredCommand"),
        entities,
        "contracts keeps wire types and pure rules; each WAR owns its own documents");
  }
}
