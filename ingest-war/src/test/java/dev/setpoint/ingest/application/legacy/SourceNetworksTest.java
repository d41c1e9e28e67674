package dev.setpoint.ingest.application.legacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceNetworksTest {
  private final SourceNetworks networks =
      SourceNetworks.parse("127.0.0.1/32, 10.20.0.0/16,::1/128 ,192.168.1.7");

  @Test
  void matchesAddressesInsideTheNetworks() {
    assertTrue(networks.contains("127.0.0.1"));
    assertTrue(networks.contains("10.20.255.1"));
    assertTrue(networks.contains("::1"));
    assertTrue(networks.contains("0:0:0:0:0:0:0:1"));
    assertTrue(networks.contains("192.168.1.7"));
  }

  @Test
  void refusesEverythingElse() {
    assertFalse(networks.contains("127.0.0.2"));
    assertFalse(networks.contains("10.21.0.1"));
    assertFalse(networks.contains("192.168.1.8"));
    assertFalse(networks.contains("fe80::1"));
    assertFalse(networks.contains("localhost"));
    assertFalse(networks.contains(null));
  }

  @Test
  void anEmptyListAdmitsNobody() {
    SourceNetworks none = SourceNetworks.parse(" ");
    assertTrue(none.isEmpty());
    assertFalse(none.contains("127.0.0.1"));
  }

  @Test
  void zeroPrefixAdmitsTheWholeFamily() {
    SourceNetworks all = SourceNetworks.parse("0.0.0.0/0");
    assertTrue(all.contains("203.0.113.9"));
    assertFalse(all.contains("::1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "example.com/8", "10.0.0.0/-1", "::1/129"})
  void refusesEntriesThatAreNotNetworks(String entry) {
    assertThrows(IllegalArgumentException.class, () -> SourceNetworks.parse(entry));
  }
}
