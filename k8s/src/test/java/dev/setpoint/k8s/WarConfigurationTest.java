package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys a WAR reads include those on the fields of its typed configuration classes. */
class WarConfigurationTest {

  @Test
  void theRelayReadsTheKeysOfItsTypedConfigurationFields() {
    WarConfiguration relay = WarConfiguration.of(List.of("relay-war"));
    assertTrue(relay.reads("SETPOINT_RELAY_FORWARDING_POLL_INTERVAL"), relay.keys().toString());
    assertTrue(relay.reads("SETPOINT_RELAY_WEATHER_OPENWEATHERMAP_API_KEY"));
    assertFalse(relay.reads("SETPOINT_RELAY_FORWARDING_POLLINTERVAL"));
  }

  @Test
  void analyticsReadsItsTypedKeysAndNotTheirOldNames() {
    WarConfiguration analytics = WarConfiguration.of(List.of("analytics-war"));
    assertTrue(analytics.reads("SETPOINT_ANALYTICS_INFLUX_URL"), analytics.keys().toString());
    assertTrue(analytics.reads("SETPOINT_ANALYTICS_RECOMMENDER_SAMPLE_INTERVAL"));
    assertFalse(analytics.reads("SETPOINT_INFLUX_URL"));
  }
}
