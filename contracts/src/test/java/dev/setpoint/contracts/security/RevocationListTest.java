package dev.setpoint.contracts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationListTest {
  private static final long NOW = 1_800_000_000L;
  private final RevocationList list = new RevocationList();

  @Test
  void aLogoutRevokesTheTokenAndItsSession() {
    list.add(TokenRevocation.session("ann", "jti-1", "sid-1", NOW + 600), NOW);
    assertTrue(list.revoked("ann", "jti-1", "sid-9", NOW - 10));
    assertTrue(list.revoked("ann", "jti-2", "sid-1", NOW + 5), "a refreshed token of the session");
    assertFalse(list.revoked("ann", "jti-3", "sid-2", NOW), "another session");
  }

  @Test
  void aResetRevokesTheUsersTokensIssuedBeforeIt() {
    list.add(TokenRevocation.allBefore("ann", NOW, NOW + 600), NOW);
    assertTrue(list.revoked("ann", "j", "s", NOW - 1));
    assertFalse(list.revoked("ann", "j", "s", NOW), "issued at or after the cutoff");
    assertFalse(list.revoked("bob", "j", "s", NOW - 1));
    assertEquals(NOW, list.issuedBefore("ann"));
  }

  @Test
  void entriesGoWhenNoTokenTheyNameCanBeValid() {
    list.add(TokenRevocation.session("ann", "jti-1", "sid-1", NOW + 600), NOW);
    list.add(TokenRevocation.allBefore("bob", NOW, NOW + 600), NOW);
    list.add(TokenRevocation.session("carl", "jti-2", null, NOW + 1200), NOW + 600);
    assertEquals(1, list.size());
    list.add(TokenRevocation.session("dora", "jti-3", null, NOW), NOW + 1);
    assertEquals(1, list.size(), "an expired revocation is not kept");
  }

  @Test
  void aRevocationTravelsAsAnAuditRecord() {
    TokenRevocation revocation = TokenRevocation.allBefore("ann", NOW, NOW + 600);
    try (AuditCodec codec = new AuditCodec()) {
      AuditRecord record =
          codec.decode(
              codec.encode(
                  codec.record(
                      "id-1",
                      Instant.ofEpochSecond(NOW),
                      "ingest",
                      new AuditActor("boot", "admin", "192.0.2.1"),
                      revocation.auditChange())));
      assertEquals(Optional.of(revocation), TokenRevocation.of(record));
    }
    TokenRevocation logout = TokenRevocation.session("ann", "jti-1", "sid-1", NOW + 600);
    try (AuditCodec codec = new AuditCodec()) {
      AuditRecord record =
          codec.decode(
              codec.encode(
                  codec.record(
                      "id-2",
                      Instant.ofEpochSecond(NOW),
                      "ingest",
                      new AuditActor("ann", "viewer", null),
                      logout.auditChange())));
      assertEquals(Optional.of(logout), TokenRevocation.of(record));
    }
  }
}
