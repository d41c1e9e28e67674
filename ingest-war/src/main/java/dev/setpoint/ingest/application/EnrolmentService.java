package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.ingest.config.EnrolmentConfig;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.EnrolmentCode;
import dev.setpoint.ingest.domain.EnrolmentCodes;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enrolment without shared secrets: an operator makes a single-use, expiring code for the devices
 * to come (naming them, or a batch of up to N), restricted to the profiles (and service) they will
 * have; a device trades the code for its own token, and no operator credential ever sits on a
 * device.
 *
 * <p>A trade is all or nothing: every device of the request is checked against the code and Core
 * Metadata's rules first; then the code's uses are taken in one atomic step of the store (of two
 * requests racing for its last use, one wins); then the devices are stored and their tokens issued.
 * Should storing fail half-way (the store down, a name taken meanwhile), the devices stored are
 * deleted again and the uses given back. Tokens of existing devices a named code covers are rotated
 * last, after every new device is stored.
 *
 * <p>A code is shown once, when it is made; the store keeps its hash. Refused codes (unknown,
 * malformed, expired, used, revoked) all get the same answer and count against the caller's address
 * ({@link EnrolmentThrottle}). Making, using and revoking a code are recorded in the {@link
 * AuditTrail}, never with the code.
 */
@ApplicationScoped
public class EnrolmentService {
  private static final Logger LOG = Logger.getLogger(EnrolmentService.class.getName());

  /** Most profiles one code may name. */
  static final int MAX_PROFILES = 20;

  /** Longest description of a code. */
  static final int MAX_DESCRIPTION = 200;

  private final EnrolmentCodes codes;
  private final MetadataService metadata;
  private final DeviceRegistration registration;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration defaultTtl;
  private final Duration maxTtl;
  private final int maxDevices;
  private final EnrolmentThrottle throttle;

  @Inject
  public EnrolmentService(
      EnrolmentCodes codes,
      MetadataService metadata,
      DeviceRegistration registration,
      AuditTrail audit,
      EnrolmentConfig config) {
    this(
        codes,
        metadata,
        registration,
        audit,
        Clock.systemUTC(),
        new SecureRandom(),
        new Limits(
            config.defaultTtl,
            config.maxTtl,
            config.maxDevices,
            config.failuresPerAddress,
            config.failureWindow),
        Ticker.systemTicker());
  }

  /** The knobs of {@link EnrolmentConfig}, as the service checks them. */
  record Limits(
      Duration defaultTtl,
      Duration maxTtl,
      int maxDevices,
      int failuresPerAddress,
      Duration failureWindow) {}

  EnrolmentService(
      EnrolmentCodes codes,
      MetadataService metadata,
      DeviceRegistration registration,
      AuditTrail audit,
      Clock clock,
      SecureRandom random,
      Limits limits,
      Ticker ticker) {
    if (!limits.defaultTtl().isPositive()
        || limits.maxTtl().compareTo(limits.defaultTtl()) < 0
        || limits.maxDevices() < 1) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.enrolment: default-ttl must be positive and at most max-ttl,"
              + " max-devices at least 1; were "
              + limits);
    }
    this.codes = codes;
    this.metadata = metadata;
    this.registration = registration;
    this.audit = audit;
    this.clock = clock;
    this.random = random;
    this.defaultTtl = limits.defaultTtl();
    this.maxTtl = limits.maxTtl();
    this.maxDevices = limits.maxDevices();
    this.throttle =
        new EnrolmentThrottle(limits.failuresPerAddress(), limits.failureWindow(), ticker);
  }

  /** For CDI's proxy only. */
  protected EnrolmentService() {
    this.codes = null;
    this.metadata = null;
    this.registration = null;
    this.audit = null;
    this.clock = null;
    this.random = null;
    this.defaultTtl = null;
    this.maxTtl = null;
    this.maxDevices = 0;
    this.throttle = null;
  }

  /**
   * What an operator asks for: a code for the named {@code devices}, or for {@code count} devices
   * of any name (exactly one of the two), of the given profiles and, if named, service.
   *
   * @param description a note for the listing, or null
   * @param devices the devices' names, or empty for a batch code
   * @param count how many devices a batch code enrols, or null for a named code
   * @param profiles the profiles its devices may have
   * @param service the service its devices must belong to, or null for any
   * @param expiresIn how long it lives, or null for the configured default
   */
  public record NewCode(
      String description,
      List<String> devices,
      Integer count,
      List<String> profiles,
      String service,
      Duration expiresIn) {}

  /**
   * A code just made: the only moment the code itself exists outside its holder. Hand it to the
   * operator once; it cannot be read back.
   */
  public record IssuedCode(String code, EnrolmentCode stored) {

    /** Never prints the code, so it cannot end up in a log by accident. */
    @Override
    public String toString() {
      return "IssuedCode[id=" + stored.id() + "]";
    }
  }

  /**
   * One device enrolled.
   *
   * @param id its Core Metadata id
   * @param token its new token
   * @param rotated whether it existed and this token replaced its earlier one
   */
  public record Enrolled(String id, IssuedDeviceToken token, boolean rotated) {}

  /**
   * Makes a code.
   *
   * @throws InvalidEnrolmentException the request breaks a rule; nothing stored
   * @throws StoreUnavailableException a store is unreachable
   */
  public IssuedCode create(NewCode request, AuditActor who) {
    String description = description(request.description());
    List<String> profiles = profiles(request.profiles());
    String service = request.service();
    if (service != null && metadata.deviceService(service).isEmpty()) {
      throw new InvalidEnrolmentException(
          "service", "'" + service + "' is not a registered device service");
    }
    List<String> devices = request.devices() == null ? List.of() : request.devices();
    int uses;
    if (!devices.isEmpty() && request.count() != null) {
      throw new InvalidEnrolmentException(
          "devices", "give either devices (a code for those) or count (a batch code), not both");
    } else if (!devices.isEmpty()) {
      uses = devices.size();
      checkCount("devices", uses);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < devices.size(); i++) {
        String field = "devices[" + i + "]";
        name(devices.get(i), field);
        if (!seen.add(devices.get(i))) {
          throw new InvalidEnrolmentException(field, "'" + devices.get(i) + "' is named twice");
        }
      }
    } else if (request.count() != null) {
      uses = request.count();
      checkCount("count", uses);
    } else {
      throw new InvalidEnrolmentException(
          "devices", "give the devices' names, or count for a batch code");
    }
    Duration ttl = request.expiresIn() == null ? defaultTtl : request.expiresIn();
    if (!ttl.isPositive() || ttl.compareTo(maxTtl) > 0) {
      throw new InvalidEnrolmentException(
          "expiresIn", "must be positive and at most " + maxTtl + ", was " + ttl);
    }
    String code = EnrolmentCodeCodec.generate(random);
    byte[] id = new byte[6];
    random.nextBytes(id);
    long now = clock.millis();
    EnrolmentCode stored =
        new EnrolmentCode(
            EnrolmentCodeCodec.hash(code),
            HexFormat.of().formatHex(id),
            description,
            who.name(),
            now,
            now + ttl.toMillis(),
            service,
            profiles,
            devices,
            uses,
            List.of(),
            null);
    codes.add(stored);
    audit.record(
        who,
        AuditChange.of(AuditKind.ENROLMENT_CODE, AuditAction.CREATE, stored.id())
            .withAfter(view(stored)));
    return new IssuedCode(code, stored);
  }

  /** Every code, newest first, in whatever state. */
  public List<EnrolmentCode> list() {
    return codes.all();
  }

  /**
   * Revokes a code: it enrols nothing from now on.
   *
   * @return false when no code has that id
   * @throws StoreUnavailableException the store is unreachable
   */
  public boolean revoke(String id, AuditActor who) {
    Optional<EnrolmentCode> code = id == null ? Optional.empty() : codes.byId(id);
    if (code.isEmpty()) {
      return false;
    }
    if (codes.revoke(id, clock.millis())) {
      audit.record(
          who,
          AuditChange.of(AuditKind.ENROLMENT_CODE, AuditAction.REVOKE, id)
              .withBefore(view(code.get())));
    }
    return true;
  }

  /** The moment now, for a listing's states. */
  public long now() {
    return clock.millis();
  }

  /**
   * Trades a code for the devices' tokens: all of them enrolled, or none.
   *
   * @param code the enrolment code as the device sent it
   * @param devices the devices to enrol, each with a distinct name
   * @param address the caller's address, for the audit trail and the budget of refused codes
   * @return one entry per device, in order
   * @throws EnrolmentThrottledException the address tried too many refused codes lately
   * @throws EnrolmentRefusedException the code is not good (the same for every reason)
   * @throws EnrolmentForbiddenException the code does not allow a device of the request
   * @throws InvalidMetadataException a device breaks Core Metadata's rules
   * @throws UnknownMetadataException a device's service or profile does not exist
   * @throws DuplicateNameException a device exists that the code does not name
   * @throws StoreUnavailableException a store is unreachable; nothing enrolled, retry
   */
  public List<Enrolled> enrol(String code, List<Device> devices, String address) {
    throttle.check(address);
    Optional<EnrolmentCode> found =
        EnrolmentCodeCodec.wellFormed(code)
            ? codes.find(EnrolmentCodeCodec.hash(code))
            : Optional.empty();
    long now = clock.millis();
    if (found.isEmpty() || found.get().state(now) != EnrolmentCode.State.ACTIVE) {
      throttle.failed(address);
      throw new EnrolmentRefusedException();
    }
    EnrolmentCode enrolment = found.get();
    AuditActor who = new AuditActor("enrolment-code:" + enrolment.id(), null, address);
    List<Device> checked = new ArrayList<>(devices.size());
    List<Boolean> existing = new ArrayList<>(devices.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < devices.size(); i++) {
      String path = "[" + i + "].device";
      Device device = DeviceRules.check(devices.get(i), path);
      if (!names.add(device.name())) {
        throw new InvalidMetadataException(
            path + ".name '" + device.name() + "' is in the request twice");
      }
      if (enrolment.used().contains(device.name())) {
        // This device has had its use of the code: for it, the code is used.
        throttle.failed(address);
        throw new EnrolmentRefusedException();
      }
      if (enrolment.named() && !enrolment.devices().contains(device.name())) {
        throw new EnrolmentForbiddenException(
            path + ".name '" + device.name() + "' is not one of the devices this code enrols");
      }
      allowed(enrolment, device, path);
      Optional<Device> stored = metadata.device(device.name());
      if (stored.isPresent()) {
        if (!enrolment.named()) {
          throw new DuplicateNameException("device", device.name());
        }
        // The code names it: its token is rotated; what is stored must be allowed too.
        allowed(enrolment, stored.get(), path + " (as stored)");
      } else {
        fitsMetadata(device, path);
      }
      checked.add(device);
      existing.add(stored.isPresent());
    }
    if (checked.size() > enrolment.remaining()) {
      throw new EnrolmentForbiddenException(
          "this code enrols "
              + enrolment.remaining()
              + " more device(s); the request has "
              + checked.size());
    }
    List<String> requested = checked.stream().map(Device::name).toList();
    if (!codes.consume(enrolment.hash(), requested, now)) {
      // Another request took the uses first, or the code ended in between.
      throw new EnrolmentRefusedException();
    }
    List<Enrolled> enrolled = store(enrolment, checked, existing, who);
    audit.record(
        who,
        AuditChange.of(AuditKind.ENROLMENT_CODE, AuditAction.USE, enrolment.id())
            .withAfter(
                AuditChange.state(
                    "devices", requested, "remaining", enrolment.remaining() - requested.size())));
    return enrolled;
  }

  /** Stores the new devices, undoing them and the code's uses if one fails; then rotates. */
  private List<Enrolled> store(
      EnrolmentCode enrolment, List<Device> devices, List<Boolean> existing, AuditActor who) {
    Enrolled[] answers = new Enrolled[devices.size()];
    List<String> created = new ArrayList<>();
    try {
      for (int i = 0; i < devices.size(); i++) {
        if (existing.get(i)) {
          continue;
        }
        DeviceRegistration.Registered registered = registration.register(devices.get(i), who);
        created.add(devices.get(i).name());
        if (registered.token() == null) {
          throw new StoreUnavailableException("the token store failed; nothing was enrolled");
        }
        answers[i] = new Enrolled(registered.id(), registered.token(), false);
      }
    } catch (RuntimeException e) {
      undo(enrolment, devices, created, who);
      throw e;
    }
    for (int i = 0; i < devices.size(); i++) {
      if (existing.get(i)) {
        String name = devices.get(i).name();
        IssuedDeviceToken token = registration.issueToken(name, who);
        answers[i] = new Enrolled(metadata.device(name).map(Device::id).orElse(null), token, true);
      }
    }
    return List.of(answers);
  }

  private void undo(
      EnrolmentCode enrolment, List<Device> devices, List<String> created, AuditActor who) {
    for (String name : created) {
      try {
        registration.delete(name, who);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "enrolment failed, and device " + name + " could not be removed", e);
      }
    }
    try {
      codes.release(enrolment.hash(), devices.stream().map(Device::name).toList());
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "enrolment failed, and the uses of code " + enrolment.id() + " could not be returned",
          e);
    }
  }

  /** The device's service and profile are among those the code allows. */
  private static void allowed(EnrolmentCode code, Device device, String path) {
    if (code.service() != null && !code.service().equals(device.serviceName())) {
      throw new EnrolmentForbiddenException(
          path
              + ".serviceName '"
              + device.serviceName()
              + "' is not allowed by this enrolment code (allowed: "
              + code.service()
              + ")");
    }
    if (!code.profiles().contains(device.profileName())) {
      throw new EnrolmentForbiddenException(
          path
              + ".profileName '"
              + device.profileName()
              + "' is not allowed by this enrolment code (allowed: "
              + String.join(", ", code.profiles())
              + ")");
    }
  }

  /** What {@link MetadataService#addDevice} would check, checked before the code is used. */
  private void fitsMetadata(Device device, String path) {
    if (metadata.deviceService(device.serviceName()).isEmpty()) {
      throw new UnknownMetadataException(
          path + ".serviceName '" + device.serviceName() + "' is not a registered device service");
    }
    DeviceProfile profile =
        metadata
            .profile(device.profileName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        path
                            + ".profileName '"
                            + device.profileName()
                            + "' is not a registered device profile"));
    DeviceRules.fitsProfile(device, profile, path);
  }

  private List<String> profiles(List<String> profiles) {
    if (profiles == null || profiles.isEmpty()) {
      throw new InvalidEnrolmentException(
          "profiles", "name at least one device profile the devices may have");
    }
    if (profiles.size() > MAX_PROFILES) {
      throw new InvalidEnrolmentException("profiles", "at most " + MAX_PROFILES);
    }
    for (int i = 0; i < profiles.size(); i++) {
      String field = "profiles[" + i + "]";
      name(profiles.get(i), field);
      if (metadata.profile(profiles.get(i)).isEmpty()) {
        throw new InvalidEnrolmentException(
            field, "'" + profiles.get(i) + "' is not a registered device profile");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(profiles));
  }

  private void checkCount(String field, int uses) {
    if (uses < 1 || uses > maxDevices) {
      throw new InvalidEnrolmentException(
          field,
          "a code enrols 1 to "
              + maxDevices
              + " devices (setpoint.ingest.security.enrolment.max-devices), not "
              + uses);
    }
  }

  private static void name(String value, String field) {
    try {
      Names.name(value, field);
    } catch (InvalidMetadataException e) {
      throw new InvalidEnrolmentException(field, "not a valid device or profile name");
    }
  }

  private static String description(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidEnrolmentException(
          "description", "at most " + MAX_DESCRIPTION + " characters");
    }
    if (description.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidEnrolmentException("description", "no control characters");
    }
    return description.strip();
  }

  /** A code as the audit trail shows it: what it allows, never the code or its hash. */
  private static Map<String, Object> view(EnrolmentCode code) {
    return AuditChange.state(
        "description",
        code.description(),
        "service",
        code.service(),
        "profiles",
        code.profiles(),
        "devices",
        code.devices(),
        "remaining",
        code.remaining(),
        "expiresAt",
        java.time.Instant.ofEpochMilli(code.expiresAt()).toString());
  }
}
