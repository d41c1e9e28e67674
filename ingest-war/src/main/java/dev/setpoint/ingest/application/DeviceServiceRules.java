package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.DeviceService;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The rules a device service must meet before it is stored: a name, an optional UUID id, an http(s)
 * base address with a host if any, an admin state, labels that are not blank. Faults name the field
 * as {@link ProfileRules}' do.
 */
public final class DeviceServiceRules {
  private DeviceServiceRules() {}

  /** Checks a device service and returns it normalised. */
  public static DeviceService check(DeviceService service, String path) {
    if (service == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    String id = Names.optionalUuid(service.id(), path + ".id");
    String name = Names.name(service.name(), path + ".name");
    String baseAddress = service.baseAddress();
    if (baseAddress != null && !baseAddress.isEmpty()) {
      httpAddress(baseAddress, path + ".baseAddress");
    } else {
      baseAddress = null;
    }
    if (service.adminState() == null) {
      throw new InvalidMetadataException(path + ".adminState is required (LOCKED or UNLOCKED)");
    }
    return new DeviceService(
        id,
        name,
        service.description(),
        baseAddress,
        service.adminState(),
        MetadataRules.labels(service.labels(), path + ".labels"));
  }

  private static void httpAddress(String address, String field) {
    try {
      URI uri = new URI(address);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidMetadataException(
        field + " '" + address + "' is not an http or https address with a host");
  }
}
