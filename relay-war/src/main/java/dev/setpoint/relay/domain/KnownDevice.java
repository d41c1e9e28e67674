package dev.setpoint.relay.domain;

import dev.setpoint.contracts.ingest.ProfileDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the relay needs to know of a registered device: whether it takes commands, its labels (its
 * site) and its profile's resources (what a command may set, and to what).
 *
 * @param name device name
 * @param locked whether its admin state is LOCKED
 * @param labels its Core Metadata labels
 * @param resources its profile's resources by name; empty when the profile is gone
 */
public record KnownDevice(
    String name,
    boolean locked,
    List<String> labels,
    Map<String, ProfileDocument.Resource> resources) {

  /** The profile's resource of this name. */
  public Optional<ProfileDocument.Resource> resource(String resourceName) {
    return Optional.ofNullable(resources.get(resourceName));
  }
}
