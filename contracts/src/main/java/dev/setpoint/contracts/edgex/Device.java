package dev.setpoint.contracts.edgex;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One physical device, e.g. a room sensor in rack 1. Its events must follow its profile and come
 * through its service.
 *
 * @param id UUID assigned when stored (a client may propose one)
 * @param name unique; EdgeX unreserved URL characters only
 * @param description optional
 * @param adminState {@link AdminState#LOCKED} refuses its events and commands
 * @param operatingState whether it is reachable
 * @param serviceName its device service, which must exist
 * @param profileName its device profile, which must exist
 * @param labels optional free-form labels
 * @param location optional, any JSON value (EdgeX leaves its shape to the user)
 * @param protocols how to reach it: protocol name to properties, at least one protocol; property
 *     values are kept as text (a number sent by a client keeps its JSON spelling)
 * @param autoEvents optional readings taken on a schedule
 */
public record Device(
    String id,
    String name,
    String description,
    AdminState adminState,
    OperatingState operatingState,
    String serviceName,
    String profileName,
    List<String> labels,
    JsonValue location,
    Map<String, Map<String, String>> protocols,
    List<AutoEvent> autoEvents) {

  /** The same device stored under the given id. */
  public Device withId(String newId) {
    return new Device(
        newId,
        name,
        description,
        adminState,
        operatingState,
        serviceName,
        profileName,
        labels,
        location,
        protocols,
        autoEvents);
  }

  /** Whether events and commands for it are refused. */
  public boolean locked() {
    return adminState == AdminState.LOCKED;
  }
}
