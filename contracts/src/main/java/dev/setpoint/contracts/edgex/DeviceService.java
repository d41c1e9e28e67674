package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * A program that talks to devices on the edge's behalf, e.g. the Setpoint device agent. Every
 * device names the service it belongs to.
 *
 * @param id UUID assigned when stored (a client may propose one)
 * @param name unique; EdgeX unreserved URL characters only
 * @param description optional
 * @param baseAddress optional http(s) address of the service's own API
 * @param adminState whether the service is locked
 * @param labels optional free-form labels
 */
public record DeviceService(
    String id,
    String name,
    String description,
    String baseAddress,
    AdminState adminState,
    List<String> labels) {

  /** The same service stored under the given id. */
  public DeviceService withId(String newId) {
    return new DeviceService(newId, name, description, baseAddress, adminState, labels);
  }
}
