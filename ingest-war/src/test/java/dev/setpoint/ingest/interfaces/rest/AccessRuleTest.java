package dev.setpoint.ingest.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @OperatorOnly
  static class Annotated {
    @GET
    public void classRule() {}

    @GET
    @Public
    public void methodRule() {}

    @POST
    @Path("/{device}")
    @DeviceOrOperator(pathParam = "device")
    public void device() {}

    @DELETE
    @Public
    @OperatorOnly
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
    assertInstanceOf(AccessRule.Operators.class, rule(Annotated.class, "classRule"));
    assertInstanceOf(AccessRule.Anyone.class, rule(Annotated.class, "methodRule"));
    assertEquals(new AccessRule.DeviceOrOperators("device"), rule(Annotated.class, "device"));
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
    assertInstanceOf(AccessRule.Operators.class, rule(AnnotatedProxy.class, "classRule"));
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
