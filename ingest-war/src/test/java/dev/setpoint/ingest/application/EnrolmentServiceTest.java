package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.ingest.domain.DeviceToken;
import dev.setpoint.ingest.domain.DeviceTokens;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.EnrolmentCode;
import dev.setpoint.ingest.domain.EnrolmentCodes;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrolmentServiceTest {
  private static final String ADDRESS = "192.0.2.50";

  private final MutableClock clock = new MutableClock();
  private final Fakes.Metadata store = new Fakes.Metadata();
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final AuditTrail audit = Fakes.audit(outbox);
  private final MetadataService metadata =
      new MetadataService(store, new Fakes.Commands(), audit, Duration.ZERO, Ticker.systemTicker());
  private final MemoryTokens tokenStore = new MemoryTokens();
  private final DeviceTokenService tokens =
      new DeviceTokenService(tokenStore, audit, clock, new SecureRandom(), Duration.ZERO);
  private final MemoryCodes codes = new MemoryCodes();
  private final AtomicLong nanos = new AtomicLong();
  private final EnrolmentService service =
      new EnrolmentService(
          codes,
          metadata,
          new DeviceRegistration(metadata, tokens),
          audit,
          clock,
          new SecureRandom(),
          new EnrolmentService.Limits(
              Duration.ofHours(24), Duration.ofDays(7), 100, 3, Duration.ofMinutes(15)),
          nanos::get);

  @BeforeEach
  void seed() {
    metadata.addProfile(Profiles.roomSensor(), Fakes.OPERATOR);
    metadata.addProfile(Profiles.airConditioner(), Fakes.OPERATOR);
    metadata.addDeviceService(Profiles.service("agent"), Fakes.OPERATOR);
  }

  private static Device sensor(String name) {
    return Profiles.device(name, "room-sensor", AdminState.UNLOCKED);
  }

  private EnrolmentService.IssuedCode named(String... devices) {
    return service.create(
        new EnrolmentService.NewCode(
            "rack sensors", List.of(devices), null, List.of("room-sensor"), "agent", null),
        Fakes.OPERATOR);
  }

  private EnrolmentService.IssuedCode batch(int count, String... profiles) {
    return service.create(
        new EnrolmentService.NewCode(null, List.of(), count, List.of(profiles), null, null),
        Fakes.OPERATOR);
  }

  @Test
  void aCodeIsShownOnceAndStoredOnlyAsItsHash() {
    EnrolmentService.IssuedCode issued = named("rack-1");

    assertTrue(EnrolmentCodeCodec.wellFormed(issued.code()), issued.code());
    EnrolmentCode stored = codes.byHash.values().iterator().next();
    assertEquals(EnrolmentCodeCodec.hash(issued.code()), stored.hash());
    assertFalse(stored.toString().contains(issued.code()));
    assertFalse(issued.toString().contains(issued.code()), "toString hides the code");
    assertEquals(clock.millis() + Duration.ofHours(24).toMillis(), stored.expiresAt());
    AuditRecord created = outbox.records().getLast();
    assertEquals(AuditKind.ENROLMENT_CODE, created.kind());
    assertEquals(AuditAction.CREATE, created.action());
    assertFalse(created.toString().contains(issued.code()));
    assertFalse(created.toString().contains(stored.hash()));
  }

  @Test
  void aNamedCodeEnrolsItsDeviceWhoseTokenThenAuthenticates() {
    EnrolmentService.IssuedCode issued = named("rack-1");

    List<EnrolmentService.Enrolled> enrolled =
        service.enrol(issued.code(), List.of(sensor("rack-1")), ADDRESS);

    assertEquals(1, enrolled.size());
    assertEquals(Optional.of("rack-1"), tokens.authenticate(enrolled.getFirst().token().token()));
    assertTrue(store.devices.containsKey("rack-1"));
    assertEquals(EnrolmentCode.State.USED, codes.byId(issued.stored().id()).get().state(0));
    assertTrue(
        outbox.records().stream()
            .anyMatch(
                r ->
                    r.kind().equals(AuditKind.ENROLMENT_CODE)
                        && r.action().equals(AuditAction.USE)));
  }

  @Test
  void aUsedCodeCannotEnrolAgain() {
    EnrolmentService.IssuedCode issued = named("rack-1");
    service.enrol(issued.code(), List.of(sensor("rack-1")), ADDRESS);

    EnrolmentRefusedException again =
        assertThrows(
            EnrolmentRefusedException.class,
            () -> service.enrol(issued.code(), List.of(sensor("rack-1")), ADDRESS));
    assertEquals(EnrolmentRefusedException.MESSAGE, again.getMessage());
  }

  @Test
  void anExpiredARevokedAndAnUnknownCodeAreRefusedAlikeAndEnrolNothing() {
    EnrolmentService.IssuedCode expiring = named("rack-1");
    EnrolmentService.IssuedCode revoked = named("rack-2");
    assertTrue(service.revoke(revoked.stored().id(), Fakes.OPERATOR));
    clock.advance(Duration.ofHours(24));

    String expired =
        assertThrows(
                EnrolmentRefusedException.class,
                () -> service.enrol(expiring.code(), List.of(sensor("rack-1")), ADDRESS))
            .getMessage();
    String wasRevoked =
        assertThrows(
                EnrolmentRefusedException.class,
                () -> service.enrol(revoked.code(), List.of(sensor("rack-2")), ADDRESS))
            .getMessage();
    String unknown =
        assertThrows(
                EnrolmentRefusedException.class,
                () ->
                    service.enrol(
                        EnrolmentCodeCodec.generate(new SecureRandom()),
                        List.of(sensor("rack-1")),
                        ADDRESS))
            .getMessage();

    assertEquals(expired, wasRevoked);
    assertEquals(expired, unknown);
    assertTrue(store.devices.isEmpty());
    assertTrue(
        outbox.records().stream()
            .anyMatch(
                r ->
                    r.kind().equals(AuditKind.ENROLMENT_CODE)
                        && r.action().equals(AuditAction.REVOKE)));
  }

  @Test
  void aBatchCodeCountsDownAndThenRefuses() {
    EnrolmentService.IssuedCode issued = batch(3, "room-sensor");

    service.enrol(issued.code(), List.of(sensor("a"), sensor("b")), ADDRESS);
    assertEquals(1, codes.byId(issued.stored().id()).get().remaining());

    EnrolmentForbiddenException tooMany =
        assertThrows(
            EnrolmentForbiddenException.class,
            () -> service.enrol(issued.code(), List.of(sensor("c"), sensor("d")), ADDRESS));
    assertTrue(tooMany.getMessage().contains("1 more device"), tooMany.getMessage());
    assertThrows(
        EnrolmentRefusedException.class,
        () -> service.enrol(issued.code(), List.of(sensor("a")), ADDRESS),
        "a device enrols once per code");

    service.enrol(issued.code(), List.of(sensor("c")), ADDRESS);
    assertEquals(EnrolmentCode.State.USED, codes.byId(issued.stored().id()).get().state(0));
    assertThrows(
        EnrolmentRefusedException.class,
        () -> service.enrol(issued.code(), List.of(sensor("e")), ADDRESS));
    assertEquals(List.of("a", "b", "c"), List.copyOf(store.devices.keySet()));
  }

  @Test
  void aCodeForRoomSensorsCannotRegisterAnAirConditioner() {
    EnrolmentService.IssuedCode issued = batch(2, "room-sensor");

    EnrolmentForbiddenException refused =
        assertThrows(
            EnrolmentForbiddenException.class,
            () ->
                service.enrol(
                    issued.code(),
                    List.of(
                        sensor("ok-1"),
                        Profiles.device("ac-1", "air-conditioner", AdminState.UNLOCKED)),
                    ADDRESS));

    assertTrue(refused.getMessage().contains("'air-conditioner'"), refused.getMessage());
    assertTrue(store.devices.isEmpty(), "all or nothing: the allowed sensor was not stored either");
    assertEquals(2, codes.byId(issued.stored().id()).get().remaining());
  }

  @Test
  void aBatchCodeDoesNotTakeOverAnExistingDeviceButANamedCodeRotatesItsToken() {
    metadata.addDevice(sensor("rack-1"), Fakes.OPERATOR);
    IssuedDeviceToken old = tokens.issue("rack-1", Fakes.OPERATOR);

    assertThrows(
        DuplicateNameException.class,
        () -> service.enrol(batch(1, "room-sensor").code(), List.of(sensor("rack-1")), ADDRESS));
    assertEquals(Optional.of("rack-1"), tokens.authenticate(old.token()));

    EnrolmentService.Enrolled rotated =
        service.enrol(named("rack-1").code(), List.of(sensor("rack-1")), ADDRESS).getFirst();
    assertTrue(rotated.rotated());
    assertEquals(store.devices.get("rack-1").id(), rotated.id());
    assertEquals(Optional.empty(), tokens.authenticate(old.token()));
    assertEquals(Optional.of("rack-1"), tokens.authenticate(rotated.token().token()));
  }

  @Test
  void aNamedCodeEnrolsOnlyTheDevicesItNames() {
    EnrolmentService.IssuedCode issued = named("rack-1");
    EnrolmentForbiddenException refused =
        assertThrows(
            EnrolmentForbiddenException.class,
            () -> service.enrol(issued.code(), List.of(sensor("rack-9")), ADDRESS));
    assertTrue(refused.getMessage().contains("rack-9"), refused.getMessage());
  }

  @Test
  void aFailureHalfWayUndoesTheDevicesAndGivesTheUsesBack() {
    EnrolmentService.IssuedCode issued = batch(2, "room-sensor");
    tokenStore.failAfter = 1; // the first device gets its token, the second does not

    assertThrows(
        StoreUnavailableException.class,
        () -> service.enrol(issued.code(), List.of(sensor("a"), sensor("b")), ADDRESS));

    assertTrue(store.devices.isEmpty(), String.valueOf(store.devices.keySet()));
    EnrolmentCode code = codes.byId(issued.stored().id()).get();
    assertEquals(2, code.remaining());
    assertEquals(List.of(), code.used());
    tokenStore.failAfter = Integer.MAX_VALUE;
    assertEquals(
        2, service.enrol(issued.code(), List.of(sensor("a"), sensor("b")), ADDRESS).size());
  }

  @Test
  void ofTwoConcurrentUsesOfASingleUseCodeOneWins() throws Exception {
    for (int round = 0; round < 20; round++) {
      EnrolmentService.IssuedCode issued = batch(1, "room-sensor");
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<String>> racers = new ArrayList<>();
      String address = "198.51.100." + round; // a loser counts as a refused code
      for (String name : List.of("x-" + round, "y-" + round)) {
        racers.add(
            () -> {
              start.await();
              try {
                service.enrol(issued.code(), List.of(sensor(name)), address);
                return "won";
              } catch (EnrolmentRefusedException e) {
                return "refused";
              }
            });
      }
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        List<Future<String>> results = racers.stream().map(pool::submit).toList();
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("won"::equals).count(), "round " + round);
      }
    }
    assertEquals(20, store.devices.size());
  }

  @Test
  void anAddressThatTriesTooManyBadCodesIsTurnedAwayUntilTheWindowEnds() {
    EnrolmentService.IssuedCode good = named("rack-1");
    for (int i = 0; i < 3; i++) {
      assertThrows(
          EnrolmentRefusedException.class,
          () -> service.enrol("spe_guess", List.of(sensor("rack-1")), ADDRESS));
    }
    EnrolmentThrottledException throttled =
        assertThrows(
            EnrolmentThrottledException.class,
            () -> service.enrol(good.code(), List.of(sensor("rack-1")), ADDRESS));
    assertTrue(throttled.retryAfter().toMinutes() >= 14, throttled.retryAfter().toString());
    assertEquals(
        1,
        service.enrol(good.code(), List.of(sensor("rack-1")), "192.0.2.51").size(),
        "another address has its own budget");

    nanos.addAndGet(Duration.ofMinutes(16).toNanos());
    assertThrows(
        EnrolmentRefusedException.class,
        () -> service.enrol("spe_guess", List.of(sensor("rack-1")), ADDRESS));
  }

  @Test
  void aCodeRequestMustNameProfilesAndEitherDevicesOrACountWithinTheLimits() {
    assertThrows(
        InvalidEnrolmentException.class,
        () ->
            service.create(
                new EnrolmentService.NewCode(null, List.of(), 2, List.of(), null, null),
                Fakes.OPERATOR));
    assertThrows(
        InvalidEnrolmentException.class,
        () ->
            service.create(
                new EnrolmentService.NewCode(
                    null, List.of("a"), 2, List.of("room-sensor"), null, null),
                Fakes.OPERATOR));
    assertThrows(
        InvalidEnrolmentException.class,
        () ->
            service.create(
                new EnrolmentService.NewCode(
                    null, List.of(), 101, List.of("room-sensor"), null, null),
                Fakes.OPERATOR));
    assertThrows(
        InvalidEnrolmentException.class,
        () ->
            service.create(
                new EnrolmentService.NewCode(
                    null, List.of(), 1, List.of("room-sensor"), null, Duration.ofDays(8)),
                Fakes.OPERATOR));
    InvalidEnrolmentException unknownProfile =
        assertThrows(
            InvalidEnrolmentException.class,
            () ->
                service.create(
                    new EnrolmentService.NewCode(
                        null, List.of(), 1, List.of("room-sensor", "toaster"), null, null),
                    Fakes.OPERATOR));
    assertEquals(
        "profiles[1]: 'toaster' is not a registered device profile", unknownProfile.getMessage());
    assertNotEquals(named("a").code(), named("b").code());
  }

  /** Codes in memory; {@link #consume} is atomic as the MongoDB adapter's conditional update. */
  private static final class MemoryCodes implements EnrolmentCodes {
    final Map<String, EnrolmentCode> byHash = new LinkedHashMap<>();

    @Override
    public synchronized void add(EnrolmentCode code) {
      byHash.put(code.hash(), code);
    }

    @Override
    public synchronized Optional<EnrolmentCode> find(String hash) {
      return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public synchronized Optional<EnrolmentCode> byId(String id) {
      return byHash.values().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<EnrolmentCode> all() {
      return List.copyOf(byHash.values()).reversed();
    }

    @Override
    public synchronized boolean consume(String hash, List<String> devices, long nowMillis) {
      EnrolmentCode c = byHash.get(hash);
      if (c == null
          || c.revokedAt() != null
          || nowMillis >= c.expiresAt()
          || c.remaining() < devices.size()
          || devices.stream().anyMatch(c.used()::contains)) {
        return false;
      }
      List<String> used = new ArrayList<>(c.used());
      used.addAll(devices);
      byHash.put(hash, with(c, c.remaining() - devices.size(), used, c.revokedAt()));
      return true;
    }

    @Override
    public synchronized void release(String hash, List<String> devices) {
      EnrolmentCode c = byHash.get(hash);
      List<String> used = new ArrayList<>(c.used());
      used.removeAll(devices);
      byHash.put(hash, with(c, c.remaining() + devices.size(), used, c.revokedAt()));
    }

    @Override
    public synchronized boolean revoke(String id, long nowMillis) {
      EnrolmentCode c = byId(id).orElseThrow();
      if (c.revokedAt() != null) {
        return false;
      }
      byHash.put(c.hash(), with(c, c.remaining(), c.used(), nowMillis));
      return true;
    }

    private static EnrolmentCode with(
        EnrolmentCode c, int remaining, List<String> used, Long revokedAt) {
      return new EnrolmentCode(
          c.hash(),
          c.id(),
          c.description(),
          c.createdBy(),
          c.createdAt(),
          c.expiresAt(),
          c.service(),
          c.profiles(),
          c.devices(),
          remaining,
          used,
          revokedAt);
    }
  }

  /** Device tokens in memory; can be made to fail after a number of adds. */
  private static final class MemoryTokens implements DeviceTokens {
    final Map<String, DeviceToken> documents = new LinkedHashMap<>();
    volatile int failAfter = Integer.MAX_VALUE;

    @Override
    public synchronized void add(DeviceToken token) {
      if (failAfter-- <= 0) {
        throw new StoreUnavailableException("token store down (test)");
      }
      documents.put(token.hash(), token);
    }

    @Override
    public synchronized Optional<DeviceToken> find(String hash) {
      return Optional.ofNullable(documents.get(hash));
    }

    @Override
    public synchronized List<DeviceToken> active(String deviceName) {
      return documents.values().stream()
          .filter(t -> t.deviceName().equals(deviceName) && t.active())
          .toList();
    }

    @Override
    public synchronized void update(DeviceToken token) {
      documents.put(token.hash(), token);
    }
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
