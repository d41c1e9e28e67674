package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ValueTexts;
import dev.setpoint.contracts.edgex.ValueTypes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ingest's side of "a value ingest accepts is one the relay forwards": over the strings of
 * contracts' {@link ValueTexts}, the validator accepts exactly the values the shared parser accepts
 * and stores the parser's text, which the relay's TelemetryMapperPropertyTest maps on the same
 * strings.
 */
class EventValidatorPropertyTest {
  private static final BigInteger ORIGIN = BigInteger.valueOf(1_764_316_800_000_000_000L);
  private static final EventPath PATH = new EventPath("svc", "room-sensor", "rack-1", "climate");

  private final EventValidator validator = new EventValidator();

  @Test
  void acceptsExactlyWhatTheParserAcceptsAndStoresItsText() {
    qt().withExamples(ValueTexts.EXAMPLES)
        .forAll(ValueTexts.types(), ValueTexts.texts())
        .checkAssert(
            (type, text) -> {
              Optional<ReadingValue> parsed = ValueTypes.parse(type, text);
              AddEventRequest request = request(type, text);
              if (parsed.isEmpty()) {
                InvalidEventException e =
                    assertThrows(
                        InvalidEventException.class, () -> validator.validate(request, PATH, 1L));
                assertEquals(
                    "event.readings[0].value '" + text + "' is not a valid " + type,
                    e.getMessage());
              } else {
                String stored = validator.validate(request, PATH, 1L).readings().get(0).value();
                assertEquals(parsed.get().text(), stored);
                // What the relay reads back from the buffer is the value validated here.
                assertEquals(parsed, ValueTypes.parse(type, stored));
              }
            });
  }

  /**
   * The counterexample the property found on the code before the shared parser: accepted here
   * (BigInteger reads Arabic-Indic digits), refused by the relay's Double.parseDouble.
   */
  @Test
  void refusesDigitsOfOtherScripts() {
    assertThrows(
        InvalidEventException.class,
        () -> validator.validate(request("Uint8", "\u0660"), PATH, 1L));
    assertThrows(
        InvalidEventException.class,
        () -> validator.validate(request("Float64", "-\u0661\u0661.\u0660"), PATH, 1L));
    assertThrows(
        InvalidEventException.class,
        () -> validator.validate(request("Float32", "\uFF10.\uFF10"), PATH, 1L));
  }

  private static AddEventRequest request(String type, String value) {
    Reading reading =
        new Reading(null, ORIGIN, "rack-1", "temperature", "room-sensor", type, value, null, null);
    return new AddEventRequest(
        "v3",
        "req-1",
        new Event(
            "v3",
            "0d4c8f1e-4a8e-4f55-9a0b-6a1f2b3c4d5e",
            "rack-1",
            "room-sensor",
            "climate",
            ORIGIN,
            List.of(reading),
            null));
  }
}
