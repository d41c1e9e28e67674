package dev.setpoint.ingest.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @Requires(Role.OPERATOR)
  static class Annotated {
    @GET
    public void classRule() {}

    @GET
    @Public
    public void methodRule() {}

    @POST
    @Path("/{device}")
    @DeviceOrRole(pathParam = "device", role = Role.VIEWER)
    public void device() {}

    @GET
    @Requires(Role.ADMIN)
    public void admin() {}

    @DELETE
    @Public
    @Requires(Role.VIEWER)
    public void twoRules() {}
  }

  static class Bare {
    @GET
    public void none() {}
  }

  /** What a CDI client proxy looks like: a subclass repeating the method, without annotations. */
  static class AnnotatedProxy extends Annotated {
    @Override
    public void methodRule() {}
  }

  private static AccessRule rule(Class<?> type, String name) throws NoSuchMethodException {
    Method method = type.getMethod(name);
    return AccessRule.of(type, method);
  }

  @Test
  void theMethodsRuleWinsOverTheClasssRule() throws Exception {
    assertEquals(new AccessRule.People(Role.OPERATOR), rule(Annotated.class, "classRule"));
    assertInstanceOf(AccessRule.Anyone.class, rule(Annotated.class, "methodRule"));
    assertEquals(new AccessRule.People(Role.ADMIN), rule(Annotated.class, "admin"));
    assertEquals(
        new AccessRule.DeviceOrPeople("device", Role.VIEWER), rule(Annotated.class, "device"));
  }

  @Test
  void noRuleOrTwoRulesAreUndeclared() throws Exception {
    assertInstanceOf(AccessRule.Undeclared.class, rule(Bare.class, "none"));
    AccessRule two = rule(Annotated.class, "twoRules");
    assertInstanceOf(AccessRule.Undeclared.class, two);
    assertTrue(((AccessRule.Undeclared) two).problem().contains("more than one"));
  }

  @Test
  void aProxySubclassKeepsTheRulesOfTheResource() throws Exception {
    assertInstanceOf(AccessRule.Anyone.class, rule(AnnotatedProxy.class, "methodRule"));
    assertEquals(new AccessRule.People(Role.OPERATOR), rule(AnnotatedProxy.class, "classRule"));
  }

  @Test
  void onlyACompactJwsLooksLikeAJwt() {
    assertTrue(AccessFilter.looksLikeJwt("eyJh.eyJz.c2ln"));
    assertFalse(AccessFilter.looksLikeJwt("spd_AAAA"));
    assertFalse(AccessFilter.looksLikeJwt("a.b"));
    assertFalse(AccessFilter.looksLikeJwt("a..c"));
    assertFalse(AccessFilter.looksLikeJwt(".b.c"));
    assertFalse(AccessFilter.looksLikeJwt("a.b."));
    assertFalse(AccessFilter.looksLikeJwt("a.b.c.d"));
  }
}
