package dev.setpoint.analytics.application.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.config.EnergyConfig;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class EnergySettingsTest {
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);
  private static final Duration SIX_HOURS = Duration.ofHours(6);
  private static final Duration TEN_MIN = Duration.ofMinutes(10);

  private static String refusal(Duration interval, Duration lookback, Duration gap, double kw) {
    return assertThrows(
            IllegalArgumentException.class, () -> new EnergySettings(interval, lookback, gap, kw))
        .getMessage();
  }

  @Test
  void theDefaultsAreValid() throws Exception {
    EnergySettings settings =
        new EnergySettings(
            Duration.parse(defaultOf("rollupInterval")),
            Duration.parse(defaultOf("lookback")),
            Duration.parse(defaultOf("gap")),
            Double.parseDouble(defaultOf("maxPowerKw")));

    assertEquals(new EnergySettings(FIVE_MIN, SIX_HOURS, TEN_MIN, 2000), settings);
    assertEquals(Duration.ofHours(48), settings.startupLookback());
  }

  private static String defaultOf(String field) throws Exception {
    return EnergyConfig.class.getField(field).getAnnotation(ConfigProperty.class).defaultValue();
  }

  @Test
  void aLongerLookbackIsAlsoTheStartupLookback() {
    assertEquals(
        Duration.ofDays(3),
        new EnergySettings(FIVE_MIN, Duration.ofDays(3), TEN_MIN, 2000).startupLookback());
  }

  @Test
  void eachRefusalNamesItsKeyAndTheValue() {
    String interval = refusal(Duration.ZERO, SIX_HOURS, TEN_MIN, 2000);
    String shortLookback = refusal(FIVE_MIN, Duration.ofMinutes(30), TEN_MIN, 2000);
    String longLookback = refusal(FIVE_MIN, Duration.ofDays(40), TEN_MIN, 2000);
    String gap = refusal(FIVE_MIN, SIX_HOURS, Duration.ofHours(6), 2000);
    String noGap = refusal(FIVE_MIN, SIX_HOURS, Duration.ZERO, 2000);
    String power = refusal(FIVE_MIN, SIX_HOURS, TEN_MIN, -1);
    String notANumber = refusal(FIVE_MIN, SIX_HOURS, TEN_MIN, Double.NaN);
    String missing = refusal(FIVE_MIN, null, TEN_MIN, 2000);

    assertTrue(interval.startsWith("setpoint.analytics.energy.rollup-interval "), interval);
    assertTrue(interval.endsWith("not PT0S"), interval);
    assertTrue(shortLookback.startsWith("setpoint.analytics.energy.lookback "), shortLookback);
    assertTrue(longLookback.contains("not PT960H"), longLookback);
    assertTrue(gap.startsWith("setpoint.analytics.energy.gap "), gap);
    assertTrue(gap.contains("shorter than setpoint.analytics.energy.lookback (PT6H)"), gap);
    assertTrue(noGap.startsWith("setpoint.analytics.energy.gap "), noGap);
    assertTrue(power.startsWith("setpoint.analytics.energy.max-power-kw "), power);
    assertTrue(notANumber.endsWith("not NaN"), notANumber);
    assertTrue(missing.startsWith("setpoint.analytics.energy.lookback "), missing);
  }
}
