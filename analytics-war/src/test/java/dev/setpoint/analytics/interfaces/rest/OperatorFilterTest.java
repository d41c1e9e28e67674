package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OperatorFilterTest {
  /** What a CDI subclass proxy looks like to JAX-RS: overriding methods without annotations. */
  static class Proxy extends TensorFlowServingResource {
    @Override
    public jakarta.ws.rs.core.Response predict(String name, String body) {
      return super.predict(name, body);
    }
  }

  static class KServeProxy extends KServeResource {}

  @Test
  void theRuleIsFoundThroughAProxySubclass() throws Exception {
    assertArrayEquals(
        new String[] {"operator"},
        OperatorFilter.rolesAllowed(
                Proxy.class, Proxy.class.getMethod("predict", String.class, String.class))
            .value());
  }

  @Test
  void permitAllAndUnannotatedMethodsNeedNoRole() throws Exception {
    assertNull(
        OperatorFilter.rolesAllowed(
            KServeProxy.class, KServeProxy.class.getMethod("metadata", String.class)));
    assertArrayEquals(
        new String[] {"operator"},
        OperatorFilter.rolesAllowed(
                KServeProxy.class, KServeProxy.class.getMethod("infer", String.class, String.class))
            .value());
  }
}
