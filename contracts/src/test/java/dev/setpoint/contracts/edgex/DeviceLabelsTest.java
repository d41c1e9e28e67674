package dev.setpoint.contracts.edgex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceLabelsTest {

  @Test
  void theFirstSiteLabelNamesTheSite() {
    assertEquals(
        Optional.of("seoul"), DeviceLabels.site(List.of("rack", "site:seoul", "site:sydney")));
  }

  @Test
  void noSiteLabelNoLabelsOrAnEmptyNameIsNoSite() {
    assertEquals(Optional.empty(), DeviceLabels.site(List.of("rack")));
    assertEquals(Optional.empty(), DeviceLabels.site(null));
    assertEquals(Optional.empty(), DeviceLabels.site(Arrays.asList(null, "site:")));
  }
}
