package dev.setpoint.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The savings study's summary in evaluation.md: replaced when rewritten, kept by the evaluation.
 */
class SavingsSummaryTest {
  static final String BLOCK =
      EvaluationReport.SAVINGS_BEGIN
          + "\n## Measured savings\nold\n"
          + EvaluationReport.SAVINGS_END;

  @Test
  void theSummaryIsAppendedOnceAndReplacedAfterwards() {
    String page = "# Closed-loop evaluation\n\ntext\n";
    String once = EvaluationReport.withSavings(page, BLOCK + "\n");
    assertEquals("# Closed-loop evaluation\n\ntext\n\n" + BLOCK + "\n", once);
    String newer = BLOCK.replace("old", "new") + "\n";
    String twice = EvaluationReport.withSavings(once, newer);
    assertEquals("# Closed-loop evaluation\n\ntext\n\n" + newer, twice);
  }
}
