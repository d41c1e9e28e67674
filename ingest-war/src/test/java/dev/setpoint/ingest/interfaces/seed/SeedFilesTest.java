package dev.setpoint.ingest.interfaces.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFilesTest {
  @Test
  void decodesTheShippedFilesInOrder() {
    SeedFiles files = new SeedFiles();
    assertEquals(
        List.of("room-sensor", "air-conditioner", "room-controller", "energy-meter", "legacy-v1"),
        files.profiles().stream().map(DeviceProfile::name).toList());
    List<DeviceService> services = files.deviceServices();
    assertEquals(1, services.size());
    assertEquals("setpoint-device-agent", services.get(0).name());
  }
}
