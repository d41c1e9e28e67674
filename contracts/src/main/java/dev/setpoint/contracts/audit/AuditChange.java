package dev.setpoint.contracts.audit;

import dev.setpoint.contracts.edgex.DeviceLabels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as the service that made it describes it, before {@link AuditCodec#record} stamps it
 * with an id, a time, the actor and the origin. Built with {@link #of} and the {@code with…}
 * methods: {@code AuditChange.of(AuditKind.DEVICE, AuditAction.LOCK, name).withDevice(name)
 * .withBefore(old).withAfter(changed)}.
 *
 * @param kind what was changed ({@link AuditKind})
 * @param action what was done to it ({@link AuditAction})
 * @param target the name of what was changed
 * @param device the device concerned, or null
 * @param site the site concerned, or null
 * @param room the room concerned, or null
 * @param before its state before, any value JSON-B writes as an object (a public record, a map), or
 *     null when it did not exist; never a secret (a token, a password, a webhook key)
 * @param after its state after, likewise, or null when it no longer exists
 */
public record AuditChange(
    String kind,
    String action,
    String target,
    String device,
    String site,
    String room,
    Object before,
    Object after) {

  /**
   * @throws IllegalArgumentException when kind, action or target is missing
   */
  public AuditChange {
    if (kind == null || kind.isBlank() || action == null || action.isBlank()) {
      throw new IllegalArgumentException("an audited change needs its kind and action");
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("an audited change needs its target");
    }
  }

  /**
   * A state written as names and values in turn, in that order: {@code state("mode", "auto",
   * "holdingTape", false)}; a null value is kept as null.
   *
   * @throws IllegalArgumentException for an odd count or a name that is not a string
   */
  public static Map<String, Object> state(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("a state is names and values in pairs");
    }
    Map<String, Object> state = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name)) {
        throw new IllegalArgumentException("a state's names are strings");
      }
      state.put(name, namesAndValues[i + 1]);
    }
    return state;
  }

  /** A change of {@code target}, with nothing else known yet. */
  public static AuditChange of(String kind, String action, String target) {
    return new AuditChange(kind, action, target, null, null, null, null, null);
  }

  public AuditChange withDevice(String newDevice) {
    return new AuditChange(kind, action, target, newDevice, site, room, before, after);
  }

  public AuditChange withSite(String newSite) {
    return new AuditChange(kind, action, target, device, newSite, room, before, after);
  }

  public AuditChange withRoom(String newRoom) {
    return new AuditChange(kind, action, target, device, site, newRoom, before, after);
  }

  /** The site and room a device's labels name ({@link DeviceLabels}), where they name one. */
  public AuditChange withLabels(List<String> labels) {
    return withSite(DeviceLabels.site(labels).orElse(site))
        .withRoom(DeviceLabels.room(labels).orElse(room));
  }

  public AuditChange withBefore(Object state) {
    return new AuditChange(kind, action, target, device, site, room, state, after);
  }

  public AuditChange withAfter(Object state) {
    return new AuditChange(kind, action, target, device, site, room, before, state);
  }
}
