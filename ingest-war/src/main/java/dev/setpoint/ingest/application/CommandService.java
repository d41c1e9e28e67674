package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.CommandState;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.CommandRules;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.ingest.domain.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Core Command on the edge: a command is a device command of the device's profile, or one of its
 * resources. Reading answers each resource's latest commanded value ({@link CommandStore}), or for
 * a resource no one has commanded, the latest value the device reported ({@link
 * LatestReadingCache}). Writing checks every value against the profile with the rule the relay
 * applies to the cloud's commands ({@link CommandRules}) before storing any, then stores each as
 * the latest command for its resource by the one ordering rule of every writer ({@link
 * CommandStore#store}). Each value stored is recorded in the {@link AuditTrail} with the one it
 * replaced.
 */
@ApplicationScoped
public class CommandService {
  private final MetadataService metadata;
  private final CommandStore commands;
  private final LatestReadingCache readings;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public CommandService(
      MetadataService metadata,
      CommandStore commands,
      LatestReadingCache readings,
      AuditTrail audit) {
    this(metadata, commands, readings, audit, Clock.systemUTC());
  }

  CommandService(
      MetadataService metadata,
      CommandStore commands,
      LatestReadingCache readings,
      AuditTrail audit,
      Clock clock) {
    this.metadata = metadata;
    this.commands = commands;
    this.readings = readings;
    this.audit = audit;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected CommandService() {
    this(null, null, null, null, null);
  }

  /** A command resolved against a device: its name, access and resources. */
  private record Resolved(
      Device device,
      DeviceProfile profile,
      String name,
      ReadWrite readWrite,
      List<DeviceResource> resources) {}

  /**
   * The command's current values as an EdgeX event.
   *
   * @throws UnknownMetadataException no such device or command, or no value known yet for one of
   *     its resources (the message says which)
   * @throws DeviceLockedException the device is locked
   * @throws InvalidCommandException the command cannot be read (write-only)
   */
  public Event read(String deviceName, String commandName) {
    Resolved command = resolve(deviceName, commandName);
    if (!command.readWrite().readable()) {
      throw new InvalidCommandException("command '" + command.name() + "' is write-only");
    }
    List<Reading> values = new ArrayList<>();
    long newest = 0;
    for (DeviceResource resource : command.resources()) {
      Reading reading = current(command.device(), command.profile(), resource);
      newest = Math.max(newest, reading.origin().longValue());
      values.add(reading);
    }
    return new Event(
        ApiVersion.V3,
        UUID.randomUUID().toString(),
        command.device().name(),
        command.profile().name(),
        command.name(),
        BigInteger.valueOf(newest),
        List.copyOf(values),
        null);
  }

  private Reading current(Device device, DeviceProfile profile, DeviceResource resource) {
    ResourceProperties properties = resource.properties();
    Optional<StoredCommand> commanded = commands.latest(device.name(), resource.name());
    if (commanded.isPresent()) {
      StoredCommand c = commanded.get();
      return reading(device, profile, resource, c.value(), nanos(c.setAt()));
    }
    if (properties.readWrite().readable()) {
      Optional<BufferedReading> reported = readings.latest(device.name(), resource.name());
      if (reported.isPresent()) {
        BufferedReading r = reported.get();
        return reading(device, profile, resource, r.value(), BigInteger.valueOf(r.origin()));
      }
    }
    throw new UnknownMetadataException(
        "no value stored yet for resource '"
            + resource.name()
            + "' of device '"
            + device.name()
            + "': neither commanded nor reported");
  }

  private static Reading reading(
      Device device,
      DeviceProfile profile,
      DeviceResource resource,
      String value,
      BigInteger origin) {
    return new Reading(
        UUID.randomUUID().toString(),
        origin,
        device.name(),
        resource.name(),
        profile.name(),
        resource.properties().valueType(),
        value,
        resource.properties().units(),
        null);
  }

  private static BigInteger nanos(long millis) {
    return BigInteger.valueOf(millis).multiply(BigInteger.valueOf(1_000_000));
  }

  /**
   * Stores new values for the command's resources as the latest commands, all checked first.
   *
   * @param values resource name to value as text, at least one, each a resource of the command
   * @param source who sets them
   * @param who who sets them, as the audit trail records it
   * @throws UnknownMetadataException no such device or command
   * @throws DeviceLockedException the device is locked
   * @throws InvalidCommandException a value does not fit the profile (the message names the
   *     resource); nothing stored
   */
  public void write(
      String deviceName,
      String commandName,
      Map<String, String> values,
      CommandSource source,
      AuditActor who) {
    write(deviceName, commandName, values, source, Optional.empty(), who);
  }

  /**
   * The longest an operator may hold a value: a hold is a deliberate override for maintenance or a
   * test, and a typo in its year must not take a room off the recommender for good.
   */
  public static final Duration MAX_HOLD = Duration.ofDays(31);

  /**
   * Stores new values as {@link #write(String, String, Map, CommandSource, AuditActor)} does; with
   * {@code holdUntil}, an operator's values are held until then: no recommendation replaces them
   * before (the store enforces it, {@link StoredCommand#replaces}), another operator's command
   * does.
   *
   * @throws InvalidCommandException also when the hold is not the operator's, not in the future, or
   *     longer than {@link #MAX_HOLD}
   */
  public void write(
      String deviceName,
      String commandName,
      Map<String, String> values,
      CommandSource source,
      Optional<Instant> holdUntil,
      AuditActor who) {
    long now = clock.millis();
    if (holdUntil.isPresent()) {
      checkHold(holdUntil.get(), source, now);
    }
    Resolved command = resolve(deviceName, commandName);
    if (!command.readWrite().writable()) {
      throw new InvalidCommandException("command '" + command.name() + "' is read-only");
    }
    if (values == null || values.isEmpty()) {
      throw new InvalidCommandException(
          "the body must set at least one resource of command '" + command.name() + "'");
    }
    Map<String, DeviceResource> byName = new LinkedHashMap<>();
    command.resources().forEach(r -> byName.put(r.name(), r));
    for (Map.Entry<String, String> entry : values.entrySet()) {
      DeviceResource resource = byName.get(entry.getKey());
      if (resource == null) {
        throw new InvalidCommandException(
            "'" + entry.getKey() + "' is not a resource of command '" + command.name() + "'");
      }
      ResourceProperties properties = resource.properties();
      Optional<String> refusal =
          CommandRules.refusal(
              resource.name(),
              properties.valueType(),
              properties.readWrite().writable(),
              properties.minimum(),
              properties.maximum(),
              entry.getValue());
      if (refusal.isPresent()) {
        throw new InvalidCommandException(refusal.get());
      }
    }
    for (Map.Entry<String, String> entry : values.entrySet()) {
      DeviceResource resource = byName.get(entry.getKey());
      StoredCommand toStore =
          StoredCommand.toStore(
              deviceName,
              resource.name(),
              resource.properties().valueType(),
              entry.getValue(),
              source,
              now,
              UUID.randomUUID().toString());
      StoredCommand stored =
          holdUntil.isPresent() ? toStore.heldTo(holdUntil.get().toEpochMilli()) : toStore;
      Optional<StoredCommand> before = commands.latest(deviceName, resource.name());
      CommandUpsert.Outcome outcome = commands.store(stored);
      if (outcome == CommandUpsert.Outcome.STORED) {
        audit.record(
            who,
            CommandState.change(before.orElse(null), stored).withLabels(command.device().labels()));
      }
      if (outcome == CommandUpsert.Outcome.SUPERSEDED) {
        StoredCommand later = commands.latest(deviceName, resource.name()).orElse(null);
        throw new CommandSupersededException(
            "'"
                + resource.name()
                + "' of device '"
                + deviceName
                + "' was not set: a command set later is stored"
                + (later == null ? "" : " (" + later.value() + ", by " + later.source() + ")"));
      }
    }
  }

  private static void checkHold(Instant until, CommandSource source, long now) {
    if (source != CommandSource.OPERATOR) {
      throw new InvalidCommandException("only an operator's command can be held");
    }
    if (until.toEpochMilli() <= now) {
      throw new InvalidCommandException("hold-until " + until + " is not in the future");
    }
    if (until.toEpochMilli() - now > MAX_HOLD.toMillis()) {
      throw new InvalidCommandException(
          "hold-until " + until + " is more than " + MAX_HOLD.toDays() + " days ahead");
    }
  }

  private Resolved resolve(String deviceName, String commandName) {
    Device device =
        metadata.device(deviceName).orElseThrow(() -> MetadataService.unknownDevice(deviceName));
    if (device.locked()) {
      throw new DeviceLockedException("device '" + deviceName + "' is locked");
    }
    DeviceProfile profile =
        metadata
            .profile(device.profileName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "device profile '"
                            + device.profileName()
                            + "' of device '"
                            + deviceName
                            + "' is not registered"));
    Optional<DeviceCommand> deviceCommand = profile.command(commandName);
    if (deviceCommand.isPresent() && !deviceCommand.get().isHidden()) {
      List<DeviceResource> resources = new ArrayList<>();
      for (ResourceOperation operation : deviceCommand.get().resourceOperations()) {
        resources.add(profile.resource(operation.deviceResource()).orElseThrow());
      }
      return new Resolved(
          device, profile, commandName, deviceCommand.get().readWrite(), List.copyOf(resources));
    }
    Optional<DeviceResource> resource = profile.resource(commandName);
    if (resource.isPresent() && !resource.get().isHidden()) {
      return new Resolved(
          device,
          profile,
          commandName,
          resource.get().properties().readWrite(),
          List.of(resource.get()));
    }
    throw new UnknownMetadataException(
        "device '"
            + deviceName
            + "' has no command '"
            + commandName
            + "' (profile '"
            + profile.name()
            + "' defines no such visible command or resource)");
  }
}
