package dev.setpoint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeatherGeneratorTest {
  @Test
  void monthlyMeansFollowTheNormals() {
    WeatherGenerator g = new WeatherGenerator(SiteClimate.GWANGJU, 9);
    double[] max = SiteClimate.GWANGJU.meanMaxC();
    double[] min = SiteClimate.GWANGJU.meanMinC();
    int hour = 0;
    int[] categories = new int[10];
    for (int m = 0; m < 12; m++) {
      double sum = 0;
      int hours = SiteClimate.daysInMonth(m) * 24;
      for (int h = 0; h < hours; h++, hour++) {
        Weather w = g.at(Duration.ofHours(hour));
        sum += w.temperatureC();
        categories[w.category()]++;
        assertTrue(w.humidityPct() >= 15 && w.humidityPct() <= 100, "RH " + w.humidityPct());
      }
      double normal = (max[m] + min[m]) / 2;
      assertEquals(normal, sum / hours, 3.0, "month " + (m + 1));
    }
    assertEquals(0, categories[0]);
    assertTrue(categories[9] > 0, "snow in winter");
    assertTrue(categories[7] > 0, "rain");
    assertTrue(categories[1] > categories[7], "more clear hours than rain");
  }

  @Test
  void interpolatesBetweenHours() {
    WeatherGenerator g = new WeatherGenerator(SiteClimate.GWANGJU, 2);
    double a = g.at(Duration.ofHours(100)).temperatureC();
    double b = g.at(Duration.ofHours(101)).temperatureC();
    assertEquals((a + b) / 2, g.at(Duration.ofMinutes(100 * 60 + 30)).temperatureC(), 1e-9);
  }

  @Test
  void keepsAFewDaysYetAnswersAnyHourAsAFreshGeneratorWould() {
    WeatherGenerator walked = new WeatherGenerator(SiteClimate.GWANGJU, 7);
    // forward over the year, then back to an early day (generated again from the seed)
    int[] hours = {0, 5, 30, 24 * 200 + 7, 24 * 364 + 23, 24 * 400, 3, 24 * 200 + 7};
    for (int hour : hours) {
      Weather expected = new WeatherGenerator(SiteClimate.GWANGJU, 7).at(Duration.ofHours(hour));
      Weather got = walked.at(Duration.ofHours(hour));
      assertEquals(expected, got, "hour " + hour);
    }
  }
}
