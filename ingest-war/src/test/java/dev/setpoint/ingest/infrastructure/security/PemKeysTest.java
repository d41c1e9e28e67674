package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
  @TempDir Path dir;

  @Test
  void readsThePairBack() throws IOException {
    KeyPair pair = KeysForTests.rsa(2048);
    Path privateKey =
        KeysForTests.pem(dir.resolve("k.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
    Path publicKey =
        KeysForTests.pem(dir.resolve("p.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());

    assertEquals(pair.getPrivate(), PemKeys.privateKey(privateKey));
    assertEquals(pair.getPublic(), PemKeys.publicKey(publicKey));
  }

  @Test
  void saysWhatIsWrongWithABadFile() throws IOException {
    KeyPair pair = KeysForTests.rsa(2048);
    Path publicKey =
        KeysForTests.pem(dir.resolve("p.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
    Path garbage = Files.writeString(dir.resolve("g.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");

    assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(publicKey));
    assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(garbage));
    assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(dir.resolve("none")));
  }
}
