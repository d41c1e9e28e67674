package dev.setpoint.contracts.edgex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandRulesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Float64|true|24.5|null",
        "Float64|true|18|null",
        "Float64|true|27.0|null",
        "Float64|true|27.01|setpoint '27.01' lies outside [18.0, 27.0]",
        "Float64|true|17.9|setpoint '17.9' lies outside [18.0, 27.0]",
        "Float64|true|warm|setpoint 'warm' is not a valid Float64",
        "Float64|true|NaN|setpoint 'NaN' is not a valid Float64",
        "Uint8|true|1.5|setpoint '1.5' is not a valid Uint8",
        "float64|true|20|null",
        "Float64|false|20|resource 'setpoint' is read-only; it cannot be commanded",
        "Float64|true|null|'setpoint' has no value"
      })
  void oneRuleForEveryWriter(String type, boolean writable, String value, String refusal) {
    assertEquals(
        Optional.ofNullable(refusal),
        CommandRules.refusal("setpoint", type, writable, 18.0, 27.0, value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {"null|null|[-∞, ∞]", "0.0|null|[0.0, ∞]", "null|3.0|[-∞, 3.0]"})
  void openRangesReadAsInfinities(Double minimum, Double maximum, String shown) {
    assertEquals(shown, CommandRules.range(minimum, maximum));
  }
}
