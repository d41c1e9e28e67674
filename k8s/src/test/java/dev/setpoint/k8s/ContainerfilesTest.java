package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container files, checked without a container engine: a pinned Open Liberty base of the
 * build's own release, a non-root user, files for group 0, features installed at build time, and
 * every COPY source a file of the repository or one the build makes.
 */
class ContainerfilesTest {

  private static final Path DIR = Repository.root().resolve("liberty/containers");

  record Instruction(String keyword, String arguments) {}

  @Test
  void oneContainerFilePerWarAndOneForTheEar() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(DIR)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".Containerfile"))
          .forEach(names::add);
    }
    assertEquals(
        Set.of(
            "analytics.Containerfile",
            "ingest.Containerfile",
            "relay.Containerfile",
            "setpoint.Containerfile"),
        names);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "relay", "analytics", "setpoint"})
  void baseIsThePinnedOpenLibertyUbiImageOfTheBuildsRelease(String image) {
    List<Instruction> from =
        instructions(image).stream().filter(i -> i.keyword.equals("FROM")).toList();
    assertEquals(1, from.size(), "one stage");
    assertEquals("${LIBERTY_BASE}", from.getFirst().arguments(), "the base is a build argument");
    List<Instruction> args =
        instructions(image).stream()
            .filter(i -> i.keyword.equals("ARG") && i.arguments().startsWith("LIBERTY_BASE="))
            .toList();
    assertEquals(1, args.size(), "one LIBERTY_BASE argument");
    String base = args.getFirst().arguments().substring("LIBERTY_BASE=".length());
    assertEquals(
        "icr.io/appcafe/open-liberty:"
            + Repository.libertyVersion()
            + "-kernel-slim-java21-openj9-ubi-minimal",
        base.replaceAll("@sha256:[0-9a-f]{64}$", ""),
        "default base image: the Liberty release of the root pom, kernel-slim, Java 21, UBI");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "relay", "analytics", "setpoint"})
  void runsAsANonRootUserWithGroupZeroFiles(String image) {
    List<Instruction> all = instructions(image);
    Instruction last = all.getLast();
    assertEquals("USER", last.keyword(), "the last instruction sets the user");
    assertTrue(
        last.arguments().matches("[1-9]\\d*(:0)?"), "numeric non-root user: " + last.arguments());
    List<Instruction> copies = all.stream().filter(i -> i.keyword.equals("COPY")).toList();
    assertEquals(3, copies.size());
    for (Instruction copy : copies) {
      assertTrue(copy.arguments().startsWith("--chown=1001:0 "), "COPY for group 0: " + copy);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "relay", "analytics", "setpoint"})
  void installsFeaturesAtBuildTimeBeforeTheApplicationAndConfiguresLast(String image) {
    List<String> order =
        instructions(image).stream()
            .filter(i -> i.keyword.equals("RUN") || i.keyword.equals("COPY"))
            .map(i -> i.keyword + " " + i.arguments())
            .toList();
    assertEquals(5, order.size(), order.toString());
    assertTrue(order.get(0).endsWith(" /config/server.xml"), order.get(0));
    assertEquals("RUN features.sh", order.get(1));
    assertEquals("RUN configure.sh", order.get(4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "relay", "analytics", "setpoint"})
  void everyCopySourceIsInTheRepositoryOrTheBuildOutput(String image) {
    Path root = Repository.root();
    int sources = 0;
    for (Instruction copy : instructions(image)) {
      if (!copy.keyword.equals("COPY")) {
        continue;
      }
      List<String> parts = new ArrayList<>(List.of(copy.arguments().split("\\s+")));
      parts.removeIf(p -> p.startsWith("--"));
      String destination = parts.removeLast();
      assertTrue(destination.startsWith("/config/"), destination);
      for (String source : parts) {
        Matcher output = Pattern.compile("^([a-z-]+)/target/([^/]+)\\.(war|ear)$").matcher(source);
        if (output.matches()) {
          Path pom = root.resolve(output.group(1)).resolve("pom.xml");
          assertTrue(Files.isRegularFile(pom), source + ": no module " + output.group(1));
          String text = Repository.read(pom);
          assertTrue(
              text.contains("<finalName>" + output.group(2) + "</finalName>"),
              source + ": the module's finalName differs");
          assertTrue(
              text.contains("<packaging>" + output.group(3) + "</packaging>"),
              source + ": the module does not package a " + output.group(3));
        } else {
          assertFalse(source.contains("/target/"), source + ": build output of an unknown kind");
          assertTrue(
              Files.isRegularFile(root.resolve(source)), source + " is not in the repository");
        }
        sources++;
      }
    }
    assertEquals(3, sources);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "relay", "analytics", "setpoint"})
  void theApplicationDropinNamesTheCopiedArchiveAndTheTagIsTheOneTheManifestsUse(String image) {
    String text = Repository.read(DIR.resolve(image + ".Containerfile"));
    Matcher archive =
        Pattern.compile("COPY --chown=1001:0 ([a-z-]+)/target/(\\S+) /config/apps/(\\S+)")
            .matcher(text);
    assertTrue(archive.find(), "no application COPY");
    assertEquals(archive.group(2), archive.group(3));
    String dropin = Repository.read(DIR.resolve("apps/" + image + ".xml"));
    assertTrue(
        dropin.contains("location=\"" + archive.group(2) + "\""),
        "app.xml names " + archive.group(2));
    Matcher tag = Pattern.compile("-t (\\S+) \\.").matcher(text);
    assertTrue(tag.find(), "the build command in the header");
    String name = tag.group(1);
    assertTrue(name.endsWith(":" + Repository.projectVersion()), name);
    List<String> modules = WarConfiguration.modulesOfImage(name);
    assertFalse(modules.isEmpty(), name + " is not an image the manifests run");
    assertEquals(
        archive.group(1).equals("ear")
            ? List.of("ingest-war", "relay-war", "analytics-war")
            : List.of(archive.group(1)),
        modules);
  }

  private static List<Instruction> instructions(String image) {
    String text;
    try {
      text = Files.readString(DIR.resolve(image + ".Containerfile"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Instruction> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String full = current.toString().strip();
      current.setLength(0);
      if (full.isEmpty()) {
        continue;
      }
      int space = full.indexOf(' ');
      result.add(
          new Instruction(
              full.substring(0, space).toUpperCase(), full.substring(space + 1).strip()));
    }
    return result;
  }
}
