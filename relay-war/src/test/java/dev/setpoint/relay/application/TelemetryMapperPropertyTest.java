package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ValueTexts;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The relay's side of "a value ingest accepts is one the relay forwards": over the strings of
 * contracts' {@link ValueTexts}, the mapper forwards exactly the values the shared parser accepts
 * (the parser ingest validates with, see ingest's EventValidatorPropertyTest), as the same number.
 */
class TelemetryMapperPropertyTest {
  @Test
  void forwardsWhatTheParserAcceptsAsTheSameValue() {
    qt().withExamples(ValueTexts.EXAMPLES)
        .forAll(ValueTexts.types(), ValueTexts.texts())
        .checkAssert(
            (type, text) -> {
              Optional<ReadingValue> parsed = ValueTypes.parse(type, text);
              // Ingest stores the parsed text; the relay reads it back from the buffer.
              BufferedEvent event = event(type, parsed.map(ReadingValue::text).orElse(text));
              if (parsed.isEmpty() && ValueTypes.numeric(type)) {
                // Never stored by ingest; were it in the buffer, the relay would set it aside.
                assertThrows(IllegalArgumentException.class, () -> map(event));
              } else if (parsed.isEmpty()) {
                assertEquals(Optional.empty(), map(event), "text and booleans stay at the edge");
              } else if (parsed.get() instanceof ReadingValue.Numeric number) {
                TelemetryMessage message = map(event).orElseThrow();
                assertEquals(number.asDouble(), message.readings().get(0).value());
                // The number the text says, as the relay read it before the shared parser.
                assertEquals(Double.parseDouble(number.text()), message.readings().get(0).value());
              } else {
                assertEquals(Optional.empty(), map(event), "text and booleans stay at the edge");
              }
            });
  }

  /**
   * The counterexamples the property found on the code before the shared parser (Uint8 "٠", Float32
   * "０.０"): ingest accepted digits of other scripts (BigInteger and BigDecimal read them), the
   * relay's Double.parseDouble threw, and the event was set aside as REJECTED.
   */
  @Test
  void digitsOfOtherScriptsAreNeitherAcceptedNorForwarded() {
    assertEquals(Optional.empty(), ValueTypes.parse("Uint8", "\u0660"));
    assertThrows(IllegalArgumentException.class, () -> map(event("Uint8", "\u0660")));
    assertThrows(IllegalArgumentException.class, () -> map(event("Float64", "-\u0661.\u0660")));
    assertEquals(Optional.empty(), ValueTypes.parse("Float32", "\uFF10.\uFF10"));
  }

  private static Optional<TelemetryMessage> map(BufferedEvent event) {
    return TelemetryMapper.toMessage(event, "site", null);
  }

  private static BufferedEvent event(String type, String value) {
    return new BufferedEvent(
        "e1",
        "d1",
        "p1",
        "s1",
        1L,
        List.of(new BufferedReading("r1", 1L, "temperature", type, value, null)),
        EventState.PENDING,
        1L,
        null,
        null,
        null);
  }
}
