package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.DeviceService;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceServiceRulesTest {
  @Test
  void checksDeviceServices() {
    assertEquals(
        "http://agent:59999",
        DeviceServiceRules.check(Profiles.service("agent"), "service").baseAddress());
    assertEquals(
        "service.adminState is required (LOCKED or UNLOCKED)",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceServiceRules.check(
                        new DeviceService(null, "s", null, null, null, null), "service"))
            .getMessage());
    for (String address : List.of("ftp://x", "not a uri", "http://", "agent:80")) {
      assertEquals(
          "service.baseAddress '" + address + "' is not an http or https address with a host",
          assertThrows(
                  InvalidMetadataException.class,
                  () ->
                      DeviceServiceRules.check(
                          new DeviceService(null, "s", null, address, AdminState.LOCKED, null),
                          "service"))
              .getMessage());
    }
  }
}
