package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.ingest.domain.DeviceToken;
import dev.setpoint.ingest.domain.DeviceTokens;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceTokenServiceTest {
  private final MemoryTokens store = new MemoryTokens();
  private final MutableClock clock = new MutableClock();
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final AuditTrail audit = Fakes.audit(outbox);
  private final DeviceTokenService service =
      new DeviceTokenService(store, audit, clock, new SecureRandom(), Duration.ofSeconds(30));

  @Test
  void anIssuedTokenAuthenticatesItsDeviceAndOnlyItsHashIsStored() {
    IssuedDeviceToken issued = service.issue("rack-1", Fakes.OPERATOR);

    assertEquals("rack-1", issued.deviceName());
    assertEquals(Optional.of("rack-1"), service.authenticate(issued.token()));
    assertEquals(1, store.documents.size());
    DeviceToken stored = store.documents.values().iterator().next();
    assertEquals(DeviceTokenCodec.hash(issued.token()), stored.hash());
    assertFalse(stored.hash().contains(issued.token()));
    assertEquals(clock.millis(), stored.createdAt());
    assertNull(stored.revokedAt());
    assertFalse(issued.toString().contains(issued.token()), "toString hides the token");
  }

  @Test
  void unknownAndMalformedTokensAuthenticateNobody() {
    service.issue("rack-1", Fakes.OPERATOR);
    assertEquals(Optional.empty(), service.authenticate("spd_nope"));
    assertEquals(Optional.empty(), service.authenticate(null));
    assertEquals(0, store.finds, "malformed tokens never reach the store");
    assertEquals(
        Optional.empty(), service.authenticate(DeviceTokenCodec.generate(new SecureRandom())));
    assertEquals(1, store.finds);
  }

  @Test
  void issuingAgainRotatesTheOldTokenOut() {
    IssuedDeviceToken first = service.issue("rack-1", Fakes.OPERATOR);
    assertTrue(service.authenticate(first.token()).isPresent());

    clock.advance(Duration.ofSeconds(5));
    IssuedDeviceToken second = service.issue("rack-1", Fakes.OPERATOR);

    assertNotEquals(first.token(), second.token());
    assertEquals(Optional.empty(), service.authenticate(first.token()), "cached, yet revoked here");
    assertEquals(Optional.of("rack-1"), service.authenticate(second.token()));
    DeviceToken old = store.documents.get(DeviceTokenCodec.hash(first.token()));
    assertEquals(clock.millis(), old.revokedAt(), "kept, with the time of revocation");
  }

  @Test
  void revokingEndsTheTokenAndSaysWhetherThereWasOne() {
    IssuedDeviceToken issued = service.issue("rack-1", Fakes.OPERATOR);
    service.issue("rack-2", Fakes.OPERATOR);
    assertTrue(service.authenticate(issued.token()).isPresent());

    assertTrue(service.revoke("rack-1", Fakes.OPERATOR));

    assertEquals(Optional.empty(), service.authenticate(issued.token()));
    assertFalse(service.revoke("rack-1", Fakes.OPERATOR), "nothing left to revoke");
    assertEquals(1, store.active("rack-2").size(), "other devices keep theirs");
  }

  @Test
  void aRevocationElsewhereTakesEffectWithinTheCacheBound() {
    IssuedDeviceToken issued = service.issue("rack-1", Fakes.OPERATOR);
    assertTrue(service.authenticate(issued.token()).isPresent());
    int lookups = store.finds;

    // Another server, sharing the store, revokes it.
    new DeviceTokenService(store, audit, clock, new SecureRandom(), Duration.ofSeconds(30))
        .revoke("rack-1", Fakes.OPERATOR);

    clock.advance(Duration.ofSeconds(29));
    assertTrue(service.authenticate(issued.token()).isPresent(), "still cached");
    assertEquals(lookups, store.finds, "served from the cache");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), service.authenticate(issued.token()));
  }

  @Test
  void withoutACacheEveryCheckAsksTheStore() {
    DeviceTokenService uncached =
        new DeviceTokenService(store, audit, clock, new SecureRandom(), Duration.ZERO);
    IssuedDeviceToken issued = uncached.issue("rack-1", Fakes.OPERATOR);
    uncached.authenticate(issued.token());
    uncached.authenticate(issued.token());
    assertEquals(2, store.finds);
  }

  @Test
  void aStoreOutageIsReportedNotTakenForAnUnknownToken() {
    IssuedDeviceToken issued = service.issue("rack-1", Fakes.OPERATOR);
    store.down = true;
    assertThrows(StoreUnavailableException.class, () -> service.authenticate(issued.token()));
    assertThrows(StoreUnavailableException.class, () -> service.issue("rack-2", Fakes.OPERATOR));
  }

  @Test
  void aDeviceNameIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> service.issue(" ", Fakes.OPERATOR));
    assertThrows(IllegalArgumentException.class, () -> service.revoke(null, Fakes.OPERATOR));
    assertNotNull(service.issue("a", Fakes.OPERATOR));
  }

  /** The token store as a map, for the service's logic alone (the adapter has its own IT). */
  private static final class MemoryTokens implements DeviceTokens {
    final Map<String, DeviceToken> documents = new LinkedHashMap<>();
    int finds;
    boolean down;

    @Override
    public void add(DeviceToken token) {
      check();
      documents.put(token.hash(), token);
    }

    @Override
    public Optional<DeviceToken> find(String hash) {
      check();
      finds++;
      return Optional.ofNullable(documents.get(hash));
    }

    @Override
    public List<DeviceToken> active(String deviceName) {
      check();
      List<DeviceToken> active = new ArrayList<>();
      for (DeviceToken t : documents.values()) {
        if (t.deviceName().equals(deviceName) && t.active()) {
          active.add(t);
        }
      }
      return active;
    }

    @Override
    public void update(DeviceToken token) {
      check();
      documents.put(token.hash(), token);
    }

    private void check() {
      if (down) {
        throw new StoreUnavailableException("down", null);
      }
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void issuingRotatingAndRevokingAreAuditedWithoutTheToken() {
    IssuedDeviceToken first = service.issue("rack-1", Fakes.OPERATOR);
    clock.advance(Duration.ofMinutes(1));
    IssuedDeviceToken second = service.issue("rack-1", Fakes.OPERATOR);
    service.revoke("rack-1", Fakes.OPERATOR);

    List<AuditRecord> records = outbox.records();
    assertEquals(
        List.of("issue", "rotate", "revoke"), records.stream().map(AuditRecord::action).toList());
    for (AuditRecord r : records) {
      assertEquals("device_token", r.kind());
      assertEquals("rack-1", r.device());
      String payload = String.valueOf(r.before()) + r.after();
      for (String secret :
          List.of(first.token(), second.token(), DeviceTokenCodec.hash(first.token()))) {
        assertFalse(payload.contains(secret), "the audit never shows a token or its hash");
      }
    }
    assertTrue(
        records.get(1).before().contains(first.createdAt().toString()), records.get(1).before());
    assertTrue(
        records.get(1).after().contains(second.createdAt().toString()), records.get(1).after());
    assertNull(records.get(2).after());
  }
}
