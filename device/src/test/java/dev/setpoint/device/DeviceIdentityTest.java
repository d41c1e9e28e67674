package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device's registration: the profile its role chooses, its site and room labels. */
class DeviceIdentityTest {
  @Test
  void theLabelsPlaceTheDeviceAtItsSiteAndInItsRoomEachOnlyWhenSet() {
    assertEquals(
        List.of("site:hq", "room:hall-2"),
        DeviceIdentity.controller("pi-1", "svc", "hq", "hall-2").labels());
    assertEquals(List.of("site:hq"), DeviceIdentity.controller("pi-1", "svc", "hq", "").labels());
    assertEquals(
        List.of("room:hall-2"), DeviceIdentity.controller("pi-1", "svc", "", "hall-2").labels());
    assertEquals(List.of(), DeviceIdentity.controller("pi-1", "svc", null, null).labels());
    // What ingest and analytics read back from them.
    List<String> labels = DeviceIdentity.sensor("rack-1", "svc", "hq", "hall-2").labels();
    assertEquals("hq", DeviceLabels.site(labels).orElseThrow());
    assertEquals("hall-2", DeviceLabels.room(labels).orElseThrow());
  }

  @Test
  void theRoleChoosesTheProfile() {
    DeviceIdentity controller = DeviceIdentity.controller("pi-1", "svc", "hq", "hall-2");
    Device registration = controller.device("pi-host", "dht22");
    assertTrue(controller.controls());
    assertEquals("room-controller", registration.profileName());
    assertEquals("room controller (dht22)", registration.description());
    assertEquals(List.of("site:hq", "room:hall-2"), registration.labels());

    DeviceIdentity sensor = DeviceIdentity.sensor("pi-1-rack1", "svc", "hq", "hall-2");
    assertFalse(sensor.controls());
    assertEquals("room-sensor", sensor.device("pi-host", "simulated").profileName());
    assertEquals("room sensor (simulated)", sensor.device("pi-host", "simulated").description());
    assertEquals("svc", sensor.device("pi-host", "simulated").serviceName());
  }
}
