package dev.setpoint.contracts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.command.CommandSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandCodecTest {
  private final CommandCodec codec = new CommandCodec();

  private static final CommandMessage RECOMMENDATION =
      new CommandMessage(
          1,
          "c-1",
          "rack-1",
          "setpoint",
          "24.5",
          CommandSource.RECOMMENDER,
          1_700_000_000_000L,
          "highest safe candidate",
          "bootstrap-1");

  @Test
  void aCommandSurvivesTheRoundTrip() {
    assertEquals(RECOMMENDATION, codec.decode(codec.encode(RECOMMENDATION)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"schemaVersion\":2,\"commandId\":\"c\",\"device\":\"d\",\"resource\":\"r\",\"value\":\"1\",\"source\":\"RECOMMENDER\",\"issuedAt\":1}|schemaVersion",
        "{\"schemaVersion\":1,\"device\":\"d\",\"resource\":\"r\",\"value\":\"1\",\"source\":\"RECOMMENDER\",\"issuedAt\":1}|commandId",
        "{\"schemaVersion\":1,\"commandId\":\"c\",\"resource\":\"r\",\"value\":\"1\",\"source\":\"RECOMMENDER\",\"issuedAt\":1}|device",
        "{\"schemaVersion\":1,\"commandId\":\"c\",\"device\":\"d\",\"value\":\"1\",\"source\":\"RECOMMENDER\",\"issuedAt\":1}|resource",
        "{\"schemaVersion\":1,\"commandId\":\"c\",\"device\":\"d\",\"resource\":\"r\",\"source\":\"RECOMMENDER\",\"issuedAt\":1}|value",
        "{\"schemaVersion\":1,\"commandId\":\"c\",\"device\":\"d\",\"resource\":\"r\",\"value\":\"1\",\"issuedAt\":1}|source",
        "{\"schemaVersion\":1,\"commandId\":\"c\",\"device\":\"d\",\"resource\":\"r\",\"value\":\"1\",\"source\":\"RECOMMENDER\"}|issuedAt",
        "not json|JSON",
        "' '|empty"
      })
  void anIncompleteCommandIsRefusedNamingTheField(String json, String field) {
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }
}
