package dev.setpoint.ingest.application.legacy;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.OperatingState;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.ingest.application.AuditTrail;
import dev.setpoint.ingest.application.EventIngestService;
import dev.setpoint.ingest.application.EventPath;
import dev.setpoint.ingest.application.EventQueryService;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.MetadataService;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.config.LegacyV1Config;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report's v1 device flow on top of the v3 domain:
 *
 * <ul>
 *   <li>value descriptors are stored and, together, form one generated device profile (by default
 *       {@code legacy-v1}) with a resource per descriptor, its type, unit and range;
 *   <li>addressables are stored without their password; a device service refers to one, and its
 *       HTTP address becomes the v3 service's base address;
 *   <li>v1 events become v3 events of the device's profile, checked and stored exactly as v3 ones
 *       (so a reading must lie inside its descriptor's min/max). The script never registers its
 *       device, so an event of an unknown device registers it under the generated profile and a
 *       legacy device service when {@code setpoint.ingest.v1.auto-register} is on.
 * </ul>
 *
 * <p>A v1 client has no credential, only its network, so it stays inside the generated profile: it
 * registers devices of that profile only (403 for another, e.g. {@code air-conditioner}), writes
 * events only to devices of that profile (409 for a device of another, which may feed the
 * recommender and hold a v3 token), and, when its reads are on at all ({@code
 * setpoint.ingest.v1.reads-enabled}), reads only those devices' events and readings.
 */
@ApplicationScoped
public class LegacyApiService {
  /** The v3 source name v1 events are stored under; v1 had no sources. */
  public static final String SOURCE = "legacy-v1";

  private final LegacyRegistry registry;
  private final MetadataService metadata;
  private final EventIngestService ingest;
  private final AuditTrail audit;
  private final EventQueryService queries;
  private final LegacySettings settings;
  private final Clock clock;

  @Inject
  public LegacyApiService(
      LegacyRegistry registry,
      MetadataService metadata,
      EventIngestService ingest,
      AuditTrail audit,
      EventQueryService queries,
      LegacyV1Config config) {
    this(
        registry,
        metadata,
        ingest,
        audit,
        queries,
        new LegacySettings(
            config.profile,
            config.service,
            config.autoRegister,
            config.maxOriginSkew.toMillis(),
            config.readsEnabled),
        Clock.systemUTC());
  }

  LegacyApiService(
      LegacyRegistry registry,
      MetadataService metadata,
      EventIngestService ingest,
      AuditTrail audit,
      EventQueryService queries,
      LegacySettings settings,
      Clock clock) {
    this.registry = registry;
    this.metadata = metadata;
    this.ingest = ingest;
    this.audit = audit;
    this.queries = queries;
    this.settings = settings;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected LegacyApiService() {
    this.registry = null;
    this.metadata = null;
    this.ingest = null;
    this.audit = null;
    this.queries = null;
    this.settings = null;
    this.clock = null;
  }

  /**
   * @param profileName the generated profile's name
   * @param serviceName the device service auto-registered devices belong to
   * @param autoRegister whether an event of an unknown device registers it
   * @param maxOriginSkewMillis how far an origin may lie from the time of receipt
   * @param readsEnabled whether the v1 reads answer
   */
  public record LegacySettings(
      String profileName,
      String serviceName,
      boolean autoRegister,
      long maxOriginSkewMillis,
      boolean readsEnabled) {}

  /**
   * Stores a value descriptor and adds it to the generated profile; returns its id.
   *
   * @throws InvalidEventException the descriptor cannot be a resource (type, range, default)
   * @throws DuplicateNameException a descriptor of that name exists
   */
  public synchronized String addValueDescriptor(ValueDescriptor given, AuditActor who) {
    DeviceResource resource = resource(given); // checks it before anything is stored
    ValueDescriptor descriptor = withId(given);
    List<ValueDescriptor> all = new ArrayList<>(registry.valueDescriptors());
    if (all.stream().anyMatch(d -> d.name().equals(descriptor.name()))) {
      throw new DuplicateNameException("value descriptor", descriptor.name());
    }
    registry.add(descriptor);
    audit.record(
        who,
        AuditChange.of(AuditKind.LEGACY_REGISTRY, AuditAction.CREATE, descriptor.name())
            .withAfter(descriptor));
    all.add(descriptor);
    List<DeviceResource> resources = new ArrayList<>();
    for (ValueDescriptor d : all) {
      resources.add(d == descriptor ? resource : resource(d));
    }
    metadata.putProfile(
        new DeviceProfile(
            null,
            settings.profileName(),
            "EdgeX v1",
            "value descriptors",
            "Generated from the EdgeX v1 value descriptors; rewritten when one is added.",
            List.of("legacy-v1"),
            resources,
            List.of()),
        who);
    return descriptor.id();
  }

  /**
   * Stores an addressable (never its password); returns its id.
   *
   * @throws DuplicateNameException an addressable of that name exists
   */
  public String addAddressable(Addressable addressable, AuditActor who) {
    Addressable stored =
        new Addressable(
            UUID.randomUUID().toString(),
            addressable.name(),
            addressable.protocol(),
            addressable.address(),
            addressable.port(),
            addressable.path(),
            addressable.publisher(),
            addressable.user(),
            addressable.topic());
    registry.add(stored);
    audit.record(
        who,
        AuditChange.of(AuditKind.LEGACY_REGISTRY, AuditAction.CREATE, stored.name())
            .withAfter(stored));
    return stored.id();
  }

  /**
   * Stores a device service whose addressable exists; returns its id.
   *
   * @throws UnknownMetadataException the addressable is not registered
   */
  public String addDeviceService(LegacyDeviceService service, AuditActor who) {
    if (service.addressableName() == null) {
      throw new InvalidEventException("addressable.name is required");
    }
    Addressable addressable =
        registry
            .addressable(service.addressableName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "addressable '" + service.addressableName() + "' is not registered"));
    return metadata.addDeviceService(
        new DeviceService(
            null,
            service.name(),
            service.description(),
            baseAddress(addressable),
            AdminState.valueOf(service.adminState()),
            service.labels()),
        who);
  }

  /**
   * Stores a device of a registered service under the generated profile; returns its id.
   *
   * @throws LegacyScopeException the device names another profile
   * @throws UnknownMetadataException the service, profile or addressable is not registered
   * @throws DuplicateNameException a device of that name exists
   */
  public String addDevice(LegacyDevice device, AuditActor who) {
    if (device.profileName() != null && !device.profileName().equals(settings.profileName())) {
      throw new LegacyScopeException(
          "profile.name: the v1 API registers devices of profile '"
              + settings.profileName()
              + "' only, not '"
              + device.profileName()
              + "'; register other devices through POST /api/v3/device");
    }
    Map<String, Map<String, String>> protocols = new LinkedHashMap<>();
    if (device.addressableName() != null) {
      Addressable addressable =
          registry
              .addressable(device.addressableName())
              .orElseThrow(
                  () ->
                      new UnknownMetadataException(
                          "addressable '" + device.addressableName() + "' is not registered"));
      protocols.put(protocol(addressable), properties(addressable));
    } else {
      protocols.put("legacy-v1", Map.of("api", "v1"));
    }
    return metadata.addDevice(
        new Device(
            null,
            device.name(),
            device.description(),
            AdminState.valueOf(device.adminState()),
            OperatingState.valueOf(device.operatingState()),
            device.serviceName(),
            settings.profileName(),
            device.labels(),
            null,
            protocols,
            List.of()),
        who);
  }

  /**
   * Stores a v1 event through the same validation and storage as a v3 one; returns its id.
   *
   * @throws InvalidEventException a reading is invalid; nothing stored
   * @throws dev.setpoint.ingest.application.BufferVolumeFullException the buffer's volume is above
   *     its high-water mark; nothing stored, nothing registered
   * @throws UnknownMetadataException the device is unknown (and not auto-registered), or a reading
   *     has no value descriptor
   * @throws LegacyDeviceConflictException the device exists under another profile
   */
  public String addEvent(LegacyEvent event, AuditActor who) {
    ingest.admitVolume(); // a full buffer volume refuses before a device is registered for it
    long receivedAt = clock.millis();
    Device device =
        metadata.device(event.device()).orElseGet(() -> autoRegister(event.device(), who));
    if (!settings.profileName().equals(device.profileName())) {
      throw new LegacyDeviceConflictException(
          "device: '"
              + device.name()
              + "' is a device of profile '"
              + device.profileName()
              + "'; the v1 API writes only to devices of profile '"
              + settings.profileName()
              + "'");
    }
    DeviceProfile profile =
        metadata
            .profile(device.profileName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "the profile '"
                            + device.profileName()
                            + "' of device '"
                            + device.name()
                            + "' is not registered"));
    long origin =
        LegacyOrigin.of(event.origin(), receivedAt, settings.maxOriginSkewMillis()).nanos();
    List<Reading> readings = new ArrayList<>(event.readings().size());
    for (int i = 0; i < event.readings().size(); i++) {
      LegacyReading reading = event.readings().get(i);
      DeviceResource resource =
          profile
              .resource(reading.name())
              .orElseThrow(
                  () ->
                      new UnknownMetadataException(
                          "reading '"
                              + reading.name()
                              + "' has no value descriptor in profile '"
                              + profile.name()
                              + "'; add it with POST /api/v1/valuedescriptor"));
      long readingOrigin =
          reading.origin() == null
              ? origin
              : LegacyOrigin.of(reading.origin(), receivedAt, settings.maxOriginSkewMillis())
                  .nanos();
      readings.add(
          new Reading(
              null,
              BigInteger.valueOf(readingOrigin),
              device.name(),
              reading.name(),
              profile.name(),
              resource.properties().valueType(),
              reading.value(),
              resource.properties().units(),
              null));
    }
    AddEventRequest request =
        new AddEventRequest(
            ApiVersion.V3,
            null,
            new Event(
                ApiVersion.V3,
                UUID.randomUUID().toString(),
                device.name(),
                profile.name(),
                SOURCE,
                BigInteger.valueOf(origin),
                readings,
                null));
    return ingest.add(
        request, new EventPath(device.serviceName(), profile.name(), device.name(), SOURCE));
  }

  /**
   * How many events of v1 devices (of the generated profile) are stored.
   *
   * @throws LegacyReadsOffException the v1 reads are off
   */
  public long countEvents() {
    readsOn();
    return queries.countEventsOfProfile(settings.profileName());
  }

  /**
   * The newest events of a v1 device, newest first; none for a device of another profile.
   *
   * @throws LegacyReadsOffException the v1 reads are off
   */
  public List<LegacyEventView> eventsOfDevice(String device, String limit) {
    readsOn();
    return views(
        queries.eventsOfDevice(device, settings.profileName(), "0", limit), LegacyEventView::of);
  }

  /**
   * The newest readings of a value descriptor, of v1 devices only, newest first.
   *
   * @throws LegacyReadsOffException the v1 reads are off
   */
  public List<LegacyEventView.LegacyReadingView> readingsOfName(String name, String limit) {
    readsOn();
    return views(
        queries.readingsOfResource(name, settings.profileName(), "0", limit),
        LegacyEventView.LegacyReadingView::of);
  }

  private static <T, V> List<V> views(Page<T> page, java.util.function.Function<T, V> view) {
    return page.items().stream().map(view).toList();
  }

  private void readsOn() {
    if (!settings.readsEnabled()) {
      throw new LegacyReadsOffException(
          "the v1 reads are off; an operator enables setpoint.ingest.v1.reads-enabled");
    }
  }

  private Device autoRegister(String name, AuditActor who) {
    if (!settings.autoRegister()) {
      throw MetadataService.unknownDevice(name);
    }
    if (metadata.profile(settings.profileName()).isEmpty()) {
      throw new UnknownMetadataException(
          "device '"
              + name
              + "' is not registered, and there are no value descriptors to register it with;"
              + " POST /api/v1/valuedescriptor first");
    }
    if (metadata.deviceService(settings.serviceName()).isEmpty()) {
      try {
        metadata.addDeviceService(
            new DeviceService(
                null,
                settings.serviceName(),
                "Devices that registered themselves through the EdgeX v1 API",
                null,
                AdminState.UNLOCKED,
                List.of("legacy-v1")),
            who);
      } catch (DuplicateNameException raced) {
        // another request created it first
      }
    }
    try {
      metadata.addDevice(
          new Device(
              null,
              name,
              "Registered by its first EdgeX v1 event",
              AdminState.UNLOCKED,
              OperatingState.UP,
              settings.serviceName(),
              settings.profileName(),
              List.of("legacy-v1"),
              null,
              Map.of("legacy-v1", Map.of("api", "v1")),
              List.of()),
          who);
    } catch (DuplicateNameException raced) {
      // another request registered it first
    }
    return metadata.device(name).orElseThrow(() -> MetadataService.unknownDevice(name));
  }

  /** The generated profile's resource for a descriptor; refuses one that cannot be a resource. */
  private static DeviceResource resource(ValueDescriptor d) {
    String type = d.valueType();
    boolean numeric = ValueTypes.numeric(type);
    if (numeric && TelemetryReading.RESERVED_RESOURCES.contains(d.name())) {
      throw new InvalidEventException(
          "name '" + d.name() + "' is reserved for a numeric value; use another name");
    }
    if (!numeric && (d.min() != null || d.max() != null)) {
      throw new InvalidEventException(
          "min and max apply to numeric types (F, I) only, not to " + type);
    }
    if (d.min() != null && d.max() != null && d.min() > d.max()) {
      throw new InvalidEventException("min " + d.min() + " is greater than max " + d.max());
    }
    String defaultValue = d.defaultValue();
    if (defaultValue != null
        && (!ValueTypes.parses(type, defaultValue)
            || (numeric && !ValueTypes.within(defaultValue, d.min(), d.max())))) {
      throw new InvalidEventException(
          "defaultValue '" + defaultValue + "' is not a " + type + " within min and max");
    }
    return new DeviceResource(
        d.name(),
        d.description(),
        false,
        new ResourceProperties(type, ReadWrite.R, d.uomLabel(), d.min(), d.max(), defaultValue));
  }

  private static ValueDescriptor withId(ValueDescriptor d) {
    return new ValueDescriptor(
        UUID.randomUUID().toString(),
        d.name(),
        d.min(),
        d.max(),
        d.defaultValue(),
        d.valueType(),
        d.uomLabel(),
        d.formatting(),
        d.labels(),
        d.description());
  }

  /** {@code http://host:port/path} for an HTTP addressable with a host, else none. */
  private static String baseAddress(Addressable a) {
    String protocol = a.protocol() == null ? "" : a.protocol().trim().toLowerCase();
    if (!(protocol.equals("http") || protocol.equals("https"))
        || a.address() == null
        || a.address().isBlank()) {
      return null;
    }
    return protocol
        + "://"
        + a.address().trim()
        + (a.port() == null ? "" : ":" + a.port())
        + (a.path() == null ? "" : a.path().trim());
  }

  private static String protocol(Addressable a) {
    return a.protocol() == null || a.protocol().isBlank()
        ? "legacy-v1"
        : a.protocol().trim().toLowerCase();
  }

  private static Map<String, String> properties(Addressable a) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("addressable", a.name());
    if (a.address() != null && !a.address().isBlank()) {
      properties.put("address", a.address());
    }
    if (a.port() != null) {
      properties.put("port", Integer.toString(a.port()));
    }
    return properties;
  }
}
