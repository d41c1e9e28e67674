package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import java.util.List;

/**
 * The metadata Setpoint ships with, already decoded: what {@link MetadataSeeder} stores when it is
 * missing. Where it comes from (files in the WAR, in YAML and JSON) is the adapter's business.
 */
public interface ShippedMetadata {
  /**
   * The shipped device profiles, as written (the rules check them when they are stored).
   *
   * @throws InvalidMetadataException a shipped file cannot be read as a profile
   */
  List<DeviceProfile> profiles();

  /**
   * The shipped device services, as written.
   *
   * @throws InvalidMetadataException a shipped file cannot be read as device services
   */
  List<DeviceService> deviceServices();
}
