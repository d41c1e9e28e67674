package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @Requires(Role.VIEWER)
  static class Annotated {
    @GET
    public void read() {}

    @PUT
    @Requires(Role.ADMIN)
    public void write() {}

    @GET
    @Public
    public void open() {}

    @GET
    @ScrapeTokenOr(Role.VIEWER)
    public void scrape() {}

    @GET
    @Public
    @Requires(Role.OPERATOR)
    public void both() {}
  }

  /** A resource someone forgot to mark: public in analytics before default deny. */
  static class Bare {
    @GET
    public void none() {}
  }

  /** What a CDI client proxy looks like: a subclass repeating the method, without annotations. */
  static class AnnotatedProxy extends Annotated {
    @Override
    public void write() {}
  }

  private static AccessRule rule(Class<?> type, String name) throws NoSuchMethodException {
    return AccessRule.of(type, type.getMethod(name));
  }

  @Test
  void theMethodsRuleWinsOverTheClasssRule() throws Exception {
    assertEquals(new AccessRule.People(Role.VIEWER), rule(Annotated.class, "read"));
    assertEquals(new AccessRule.People(Role.ADMIN), rule(Annotated.class, "write"));
    assertEquals(new AccessRule.Anyone(), rule(Annotated.class, "open"));
    assertEquals(new AccessRule.ScraperOrPeople(Role.VIEWER), rule(Annotated.class, "scrape"));
    assertEquals(new AccessRule.People(Role.ADMIN), rule(AnnotatedProxy.class, "write"));
  }

  @Test
  void noRuleOrTwoRulesAreUndeclaredSoRefused() throws Exception {
    assertInstanceOf(AccessRule.Undeclared.class, rule(Bare.class, "none"));
    AccessRule two = rule(Annotated.class, "both");
    assertTrue(((AccessRule.Undeclared) two).problem().contains("more than one"), two.toString());
  }
}
