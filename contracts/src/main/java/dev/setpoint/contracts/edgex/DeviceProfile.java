package dev.setpoint.contracts.edgex;

import java.util.List;
import java.util.Optional;

/**
 * A kind of device: the resources it reports or accepts, and the commands over them. Every event is
 * checked against its device's profile.
 *
 * @param id UUID assigned when stored (a client may propose one)
 * @param name unique; EdgeX unreserved URL characters only
 * @param manufacturer optional
 * @param model optional
 * @param description optional
 * @param labels optional free-form labels
 * @param deviceResources at least one resource
 * @param deviceCommands optional commands over the resources
 */
public record DeviceProfile(
    String id,
    String name,
    String manufacturer,
    String model,
    String description,
    List<String> labels,
    List<DeviceResource> deviceResources,
    List<DeviceCommand> deviceCommands) {

  /** The resource of that name, if the profile has one. */
  public Optional<DeviceResource> resource(String resourceName) {
    return deviceResources == null
        ? Optional.empty()
        : deviceResources.stream().filter(r -> r.name().equals(resourceName)).findFirst();
  }

  /** The command of that name, if the profile has one. */
  public Optional<DeviceCommand> command(String commandName) {
    return deviceCommands == null
        ? Optional.empty()
        : deviceCommands.stream().filter(c -> c.name().equals(commandName)).findFirst();
  }

  /** The same profile stored under the given id. */
  public DeviceProfile withId(String newId) {
    return new DeviceProfile(
        newId, name, manufacturer, model, description, labels, deviceResources, deviceCommands);
  }
}
