package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PendingCapTest {
  @Test
  void isADayOfTheNormalRateWhenThatIsAboveTheFloor() {
    assertEquals(17_280, PendingCap.of(10_000, Duration.ofSeconds(5)));
    assertEquals(86_400, PendingCap.of(10_000, Duration.ofSeconds(1)));
    assertEquals(28_800, PendingCap.of(1, Duration.ofMillis(3_000)));
    assertEquals(25_264, PendingCap.of(1, Duration.ofMillis(3_420)), "a part event rounds up");
  }

  @Test
  void isTheFloorForDevicesThatPostRarely() {
    assertEquals(10_000, PendingCap.of(10_000, Duration.ofSeconds(10)));
    assertEquals(100, PendingCap.of(100, Duration.ofDays(1)));
  }

  @Test
  void theDefaultsOutlastADayOfWanOutageOfTheAgentsDefaultInterval() {
    long cap = PendingCap.of(10_000, Duration.ofSeconds(5));
    long aDayAtTenSeconds = Duration.ofHours(24).toSeconds() / 10;
    assertTrue(cap >= 2 * aDayAtTenSeconds, cap + " < two days at 10 s");
  }

  @Test
  void refusesANonsenseConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> PendingCap.of(0, Duration.ofSeconds(5)));
    assertThrows(IllegalArgumentException.class, () -> PendingCap.of(10, Duration.ZERO));
  }
}
