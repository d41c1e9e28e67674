package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("192.0.2.7", new ClientAddress("").of("192.0.2.7", "203.0.113.9"));
  }

  @Test
  void behindATrustedProxyTheNearestUntrustedHopCounts() {
    ClientAddress address = new ClientAddress("10.0.0.0/8");
    // the client wrote 1.2.3.4 itself; its proxy appended the address it saw, 203.0.113.9
    assertEquals("203.0.113.9", address.of("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3"));
    assertEquals("192.0.2.7", address.of("192.0.2.7", "1.2.3.4"), "peer not a proxy");
    assertEquals("10.0.0.2", address.of("10.0.0.2", "not-an-address"), "garbage: the proxy");
    assertEquals("10.0.0.2", address.of("10.0.0.2", null));
  }
}
