package dev.setpoint.ingest.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {
  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsOneJsonValue() {
    assertEquals(
        "{\"a\":[1,\"x\"]}", RequestBodies.json(bytes(" {\"a\":[1,\"x\"]} \n"), 100).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "{\"a\":1}}",
        "{\"a\":1}{\"a\":1}",
        "[1] 2",
        "{\"a\":1,\"a\":2}",
        "NaN",
        "{\"a\":NaN}",
        "{'a':1}",
        "[1,]"
      })
  void refusesWhatIsNotExactlyOneJsonValue(String body) {
    BadRequestBodyException e =
        assertThrows(BadRequestBodyException.class, () -> RequestBodies.json(bytes(body), 100));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("request body is"), e.getMessage());
  }

  @Test
  void refusesDeepNesting() {
    String deep = "[".repeat(RequestBodies.MAX_DEPTH + 1) + "]".repeat(RequestBodies.MAX_DEPTH + 1);
    assertEquals(
        "request body is not valid JSON: nested deeper than 64 levels",
        assertThrows(BadRequestBodyException.class, () -> RequestBodies.json(bytes(deep), 1000))
            .getMessage());
    String ok = "[".repeat(RequestBodies.MAX_DEPTH) + "]".repeat(RequestBodies.MAX_DEPTH);
    assertEquals(ok, RequestBodies.json(bytes(ok), 1000).toString());
  }

  @Test
  void refusesOversizeBodiesAndBadUtf8() {
    assertEquals(
        413,
        assertThrows(BadRequestBodyException.class, () -> RequestBodies.json(bytes("[1,2,3]"), 6))
            .status());
    assertEquals(
        "request body is not valid UTF-8",
        assertThrows(
                BadRequestBodyException.class,
                () ->
                    RequestBodies.json(
                        new ByteArrayInputStream(new byte[] {'"', (byte) 0xC3, '"'}), 10))
            .getMessage());
  }
}
