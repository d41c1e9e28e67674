package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.ingest.domain.CommandStore;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.LatestReadings;
import dev.setpoint.ingest.domain.MetadataStore;
import dev.setpoint.ingest.domain.Page;
import dev.setpoint.ingest.domain.PasswordHasher;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.User;
import dev.setpoint.ingest.domain.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory stand-ins of the ports, for unit tests of the services (test code only). */
final class Fakes {
  private Fakes() {}

  /** The operator the tests act as, from a LAN address. */
  static final AuditActor OPERATOR = new AuditActor("alice", "operator", "192.0.2.7");

  /** An audit trail into {@code outbox}, of a hub at site {@code gwangju}. */
  static AuditTrail audit(Outbox outbox) {
    return new AuditTrail(outbox, "gwangju", Clock.systemUTC());
  }

  /** The edge outbox in memory: messages by id in the order appended; can be made to fail. */
  static final class Outbox implements dev.setpoint.ingest.domain.Outbox {
    final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
    volatile boolean down;
    private final AuditCodec codec = new AuditCodec();

    @Override
    public synchronized void append(OutboxMessage message) {
      if (down) {
        throw new StoreUnavailableException("outbox down (test)");
      }
      messages.putIfAbsent(message.id(), message);
    }

    /** The audit records appended, decoded, oldest first. */
    synchronized List<AuditRecord> records() {
      List<AuditRecord> records = new ArrayList<>();
      for (OutboxMessage m : messages.values()) {
        records.add(codec.decode(m.payload()));
      }
      return records;
    }
  }

  static final class Metadata implements MetadataStore {
    final TreeMap<String, DeviceProfile> profiles = new TreeMap<>();
    final TreeMap<String, DeviceService> services = new TreeMap<>();
    final TreeMap<String, Device> devices = new TreeMap<>();
    final AtomicInteger deviceReads = new AtomicInteger();

    private static <T> void add(Map<String, T> map, String kind, String name, T value) {
      if (map.putIfAbsent(name, value) != null) {
        throw new DuplicateNameException(kind, name);
      }
    }

    private static <T> Page<T> page(TreeMap<String, T> map, int offset, int limit) {
      return new Page<>(map.values().stream().skip(offset).limit(limit).toList(), map.size());
    }

    @Override
    public void addProfile(DeviceProfile profile) {
      add(profiles, "device profile", profile.name(), profile);
    }

    @Override
    public void putProfile(DeviceProfile profile) {
      profiles.put(profile.name(), profile);
    }

    @Override
    public Optional<DeviceProfile> profile(String name) {
      return Optional.ofNullable(profiles.get(name));
    }

    @Override
    public Page<DeviceProfile> profiles(int offset, int limit) {
      return page(profiles, offset, limit);
    }

    @Override
    public boolean deleteProfile(String name) {
      return profiles.remove(name) != null;
    }

    @Override
    public void addDeviceService(DeviceService service) {
      add(services, "device service", service.name(), service);
    }

    @Override
    public Optional<DeviceService> deviceService(String name) {
      return Optional.ofNullable(services.get(name));
    }

    @Override
    public Page<DeviceService> deviceServices(int offset, int limit) {
      return page(services, offset, limit);
    }

    @Override
    public boolean deleteDeviceService(String name) {
      return services.remove(name) != null;
    }

    @Override
    public void addDevice(Device device) {
      add(devices, "device", device.name(), device);
    }

    @Override
    public boolean replaceDevice(Device device) {
      return devices.replace(device.name(), device) != null;
    }

    @Override
    public Optional<Device> device(String name) {
      deviceReads.incrementAndGet();
      return Optional.ofNullable(devices.get(name));
    }

    @Override
    public Page<Device> devices(int offset, int limit) {
      return page(devices, offset, limit);
    }

    @Override
    public boolean deleteDevice(String name) {
      return devices.remove(name) != null;
    }

    @Override
    public long devicesWithProfile(String profileName) {
      return devices.values().stream().filter(d -> d.profileName().equals(profileName)).count();
    }

    @Override
    public long devicesOfService(String serviceName) {
      return devices.values().stream().filter(d -> d.serviceName().equals(serviceName)).count();
    }

    /** Moves with any change of the profiles or devices, a test's direct edits included. */
    @Override
    public long changes() {
      return java.util.Objects.hash(profiles, devices);
    }
  }

  static final class Commands implements CommandStore {
    final Map<String, StoredCommand> commands = new HashMap<>();

    @Override
    public Optional<StoredCommand> latest(String deviceName, String resourceName) {
      return Optional.ofNullable(commands.get(StoredCommand.idOf(deviceName, resourceName)));
    }

    /** The store's rule ({@link StoredCommand#replaces}), the version counted by the store. */
    @Override
    public synchronized CommandUpsert.Outcome store(StoredCommand command) {
      StoredCommand current = commands.get(command.id());
      if (!command.replaces(current)) {
        return CommandUpsert.outcomeOfRefusal(command, current.commandId(), current.heldUntil());
      }
      commands.put(
          command.id(),
          new StoredCommand(
              command.id(),
              command.deviceName(),
              command.resourceName(),
              command.valueType(),
              command.value(),
              command.source(),
              command.setAt(),
              current == null ? 1 : current.version() + 1,
              command.commandId(),
              command.heldUntil()));
      return CommandUpsert.Outcome.STORED;
    }

    @Override
    public long deleteDevice(String deviceName) {
      List<String> ids =
          commands.values().stream()
              .filter(c -> c.deviceName().equals(deviceName))
              .map(StoredCommand::id)
              .toList();
      ids.forEach(commands::remove);
      return ids.size();
    }
  }

  static final class Readings implements LatestReadings {
    final Map<String, BufferedReading> latest = new HashMap<>();

    @Override
    public Optional<BufferedReading> latest(String deviceName, String resourceName) {
      return Optional.ofNullable(latest.get(deviceName + "/" + resourceName));
    }
  }

  /** Users in a map; {@link #down} makes every call fail as an unreachable store does. */
  static final class UserStore implements Users {
    final TreeMap<String, User> users = new TreeMap<>();
    volatile boolean down;

    private void up() {
      if (down) {
        throw new StoreUnavailableException("the user store is down (test)");
      }
    }

    @Override
    public Optional<User> find(String username) {
      up();
      return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<User> all() {
      up();
      return new ArrayList<>(users.values());
    }

    @Override
    public void add(User user) {
      up();
      if (users.putIfAbsent(user.username(), user) != null) {
        throw new DuplicateNameException("user", user.username());
      }
    }

    @Override
    public void update(User user) {
      up();
      users.put(user.username(), user);
    }
  }

  /**
   * A fast salted SHA-256 hasher that counts its checks, so a test can see that every login runs
   * exactly one, whoever the user.
   */
  static final class CountingHasher implements PasswordHasher {
    final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger salts = new AtomicInteger();

    @Override
    public String hash(char[] password) {
      String salt = "s" + salts.incrementAndGet();
      return "test:" + salt + ":" + digest(salt, password);
    }

    @Override
    public boolean matches(String hash, char[] password) {
      checks.incrementAndGet();
      String[] parts = hash.split(":");
      return parts.length == 3
          && parts[0].equals("test")
          && MessageDigest.isEqual(
              parts[2].getBytes(StandardCharsets.US_ASCII),
              digest(parts[1], password).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, char[] password) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt.getBytes(StandardCharsets.UTF_8));
        sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
