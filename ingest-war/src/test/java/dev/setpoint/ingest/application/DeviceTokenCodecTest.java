package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTokenCodecTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void aTokenIsThePrefixAnd256RandomBitsInUrlSafeBase64() {
    String token = DeviceTokenCodec.generate(random);
    assertTrue(token.startsWith("spd_"), token);
    byte[] bits = Base64.getUrlDecoder().decode(token.substring(4));
    assertEquals(32, bits.length);
    assertTrue(DeviceTokenCodec.wellFormed(token));
    assertFalse(token.contains("."), "a device token never looks like a JWT");
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertTrue(seen.add(DeviceTokenCodec.generate(random)));
    }
  }

  @Test
  void theHashIsSha256InHex() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        DeviceTokenCodec.hash("abc"));
    String token = DeviceTokenCodec.generate(random);
    assertEquals(DeviceTokenCodec.hash(token), DeviceTokenCodec.hash(token));
    assertNotEquals(token, DeviceTokenCodec.hash(token));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "spd_",
        "spd_short",
        "xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "spd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "spd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",
        "spd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
      })
  void refusesAnythingElse(String text) {
    assertFalse(DeviceTokenCodec.wellFormed(text));
  }

  @Test
  void refusesNull() {
    assertFalse(DeviceTokenCodec.wellFormed(null));
  }
}
