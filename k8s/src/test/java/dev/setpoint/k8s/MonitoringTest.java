package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The optional monitoring kustomization (k8s/monitoring): it renders, scrapes the authenticated
 * room gauges with the Secret analytics reads its scrape token from, and its rules use only the
 * gauges analytics serves.
 */
class MonitoringTest {
  /** The series RoomGauges writes. */
  static final Set<String> SERVED =
      Set.of(
          "setpoint_room_inlet_celsius",
          "setpoint_room_humidity_percent",
          "setpoint_room_dew_point_celsius",
          "setpoint_room_reading_age_seconds",
          "setpoint_alerts_open");

  @Test
  void theMonitorScrapesTheAuthenticatedGaugesAndTheRulesUseOnlyThose() throws Exception {
    String yaml =
        Kustomize.run(
            List.of("kubectl", "kustomize", Repository.k8s().resolve("monitoring").toString()));
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        objects.add(docs.next());
      }
    }
    assertEquals(
        List.of("PrometheusRule", "ServiceMonitor"),
        objects.stream().map(o -> o.path("kind").asText()).sorted().toList());
    JsonNode endpoint =
        objects.stream()
            .filter(o -> o.path("kind").asText().equals("ServiceMonitor"))
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("endpoints")
            .get(0);
    assertEquals("/analytics/api/v1/metrics", endpoint.path("path").asText());
    String secret = endpoint.path("bearerTokenSecret").path("name").asText();
    String deployment =
        Files.readString(Repository.k8s().resolve("base/analytics/deployment.yaml"));
    assertTrue(
        deployment.contains("SETPOINT_ANALYTICS_METRICS_SCRAPE_TOKEN")
            && deployment.contains("name: " + secret),
        "analytics reads its scrape token from the Secret the monitor sends: " + secret);

    Pattern metric = Pattern.compile("\\b(setpoint_[a-z_]+)\\b");
    int rules = 0;
    for (JsonNode group :
        objects.stream()
            .filter(o -> o.path("kind").asText().equals("PrometheusRule"))
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules++;
        Matcher m = metric.matcher(rule.path("expr").asText());
        boolean any = false;
        while (m.find()) {
          any = true;
          assertTrue(SERVED.contains(m.group(1)), rule.path("alert") + " uses " + m.group(1));
        }
        assertTrue(any, rule.path("alert") + " uses no Setpoint series");
        assertFalse(rule.path("labels").path("severity").asText().isEmpty(), rule.toString());
      }
    }
    assertTrue(rules >= 4, "rules: " + rules);
  }
}
