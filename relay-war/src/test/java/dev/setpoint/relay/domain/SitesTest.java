package dev.setpoint.relay.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitesTest {

  @Test
  void theDefaultIsOneSiteAtGwangju() {
    Sites sites = Sites.parse(null);
    assertEquals(List.of(new Site("default", 35.1595, 126.8526)), sites.all());
    assertEquals(sites.defaultSite(), Sites.parse(" ").defaultSite());
  }

  @Test
  void aListKeepsItsOrderAndTheFirstIsTheDefault() {
    Sites sites =
        Sites.parse("gwangju:35.1595:126.8526, seoul : 37.5665 : 126.978,sydney:-33.87:151.21");
    assertEquals(
        List.of("gwangju", "seoul", "sydney"), sites.all().stream().map(Site::name).toList());
    assertEquals("gwangju", sites.defaultSite().name());
    assertEquals(-33.87, sites.byName("sydney").orElseThrow().latitude());
    assertTrue(sites.byName("busan").isEmpty());
    assertEquals(sites.defaultSite(), sites.forName(null), "no site in the event: default");
    assertEquals("seoul", sites.forName("seoul").name());
    assertEquals(sites.defaultSite(), sites.forName("busan"), "unconfigured site: default");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gwangju",
        "gwangju:35.1",
        "gwangju:35.1:126.8:9",
        "gwangju:north:126.8",
        "gwangju:91:126.8",
        "gwangju:35.1:181",
        ":35.1:126.8",
        "a:1:2,a:3:4",
        "a:1:2,",
        "a:NaN:2",
      })
  void aBadListIsRefusedNamingTheEntry(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sites.parse(spec));
    assertTrue(e.getMessage().contains("site"), e.getMessage());
  }
}
