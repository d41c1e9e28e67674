package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keys a WAR reads include those of its {@code @ConfigProperties} classes, prefixed. */
class WarConfigurationTest {

  @Test
  void aTypedConfigurationClassReadsItsFieldsUnderItsPrefix() {
    String body =
        """
        @Dependent
        public class ExampleConfig {
          /** A comment; mentions a field; */
          @ConfigProperty(name = "poll-interval", defaultValue = "PT1S")
          public Duration pollInterval;

          @ConfigProperty(name = "token")
          public Optional<String> token;

          // a line comment
          @ConfigProperty(name = "url", defaultValue = "http://127.0.0.1:8086")
          public String url;

          public String org;

          public static final String NOT_A_KEY = "x";
        }
        """;
    assertEquals(
        Set.of("p.x.poll-interval", "p.x.token", "p.x.url", "p.x.org"),
        WarConfiguration.typedKeys("p.x", body));
  }

  @Test
  void analyticsReadsItsTypedKeysAndNotTheirOldNames() {
    WarConfiguration analytics = WarConfiguration.of(List.of("analytics-war"));
    assertTrue(analytics.reads("SETPOINT_ANALYTICS_INFLUX_URL"), analytics.keys().toString());
    assertTrue(analytics.reads("SETPOINT_ANALYTICS_RECOMMENDER_SAMPLE_INTERVAL"));
    assertFalse(analytics.reads("SETPOINT_INFLUX_URL"));
  }
}
