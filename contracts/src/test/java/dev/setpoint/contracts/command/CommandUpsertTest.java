package dev.setpoint.contracts.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandUpsertTest {
  private static StoredCommand command(long setAt, String commandId) {
    return StoredCommand.toStore(
        "ac-1", "setpoint", "Float64", "24", CommandSource.OPERATOR, setAt, commandId);
  }

  @Test
  void aCommandReplacesOneSetEarlierOrAtTheSameTimeButNotOneSetLaterNorItself() {
    StoredCommand stored = command(1_000, "a");
    assertTrue(command(1_001, "b").replaces(stored), "set later");
    assertTrue(command(1_000, "b").replaces(stored), "same time: the later arrival wins");
    assertFalse(command(999, "b").replaces(stored), "set earlier: superseded");
    assertFalse(command(1_001, "a").replaces(stored), "the same command again");
    assertTrue(command(1, "b").replaces(null), "the first command of a resource");
  }

  @Test
  void theFilterIsTheSameRuleWithTheFieldNamesOfTheEntity() {
    StoredCommand c = command(1_000, "b");
    assertEquals(
        Map.of(
            "_id", "ac-1/setpoint",
            "commandId", Map.of("$ne", "b"),
            "setAt", Map.of("$lte", 1_000L)),
        CommandUpsert.filter(c));
  }

  private static StoredCommand recommended(long setAt, String commandId) {
    return StoredCommand.toStore(
        "ac-1", "setpoint", "Float64", "26", CommandSource.RECOMMENDER, setAt, commandId);
  }

  @Test
  void anOperatorsHoldKeepsTheRecommenderOutUntilItEndsButNotAnotherOperator() {
    StoredCommand held = command(1_000, "op").heldTo(5_000);
    assertTrue(held.heldAt(4_999));
    assertFalse(held.heldAt(5_000));
    assertFalse(recommended(2_000, "r1").replaces(held), "inside the hold");
    assertFalse(recommended(4_999, "r2").replaces(held), "the last millisecond of the hold");
    assertTrue(recommended(5_000, "r3").replaces(held), "the hold has ended");
    assertTrue(command(2_000, "op2").replaces(held), "another operator's command");
    assertTrue(recommended(2_000, "r4").replaces(command(1_000, "plain")), "no hold");
    assertEquals(
        CommandUpsert.Outcome.HELD,
        CommandUpsert.outcomeOfRefusal(recommended(2_000, "r1"), "op", 5_000L));
    assertEquals(
        CommandUpsert.Outcome.HELD,
        CommandUpsert.outcomeOfRefusal(
            recommended(2_000, "r1"), Map.of("commandId", "op", "heldUntil", 5_000L)));
    assertEquals(
        CommandUpsert.Outcome.SUPERSEDED,
        CommandUpsert.outcomeOfRefusal(command(900, "op0"), "op", 5_000L),
        "an operator's command set before the stored one is superseded, not held");
  }

  @Test
  void onlyAnOperatorsCommandHoldsAndOnlyIntoTheFuture() {
    assertThrows(IllegalArgumentException.class, () -> recommended(1_000, "r").heldTo(9_000));
    assertThrows(IllegalArgumentException.class, () -> command(1_000, "op").heldTo(1_000));
  }

  @Test
  void theRecommendersFilterAlsoAsksForNoHoldPastItsTime() {
    Map<String, Object> filter = CommandUpsert.filter(recommended(2_000, "r"));
    java.util.Map<String, Object> noHold = new java.util.HashMap<>();
    noHold.put("heldUntil", null);
    assertEquals(List.of(noHold, Map.of("heldUntil", Map.of("$lte", 2_000L))), filter.get("$or"));
    assertFalse(CommandUpsert.filter(command(2_000, "op")).containsKey("$or"));
    @SuppressWarnings("unchecked")
    Map<String, Object> set =
        (Map<String, Object>) CommandUpsert.update(command(1_000, "op").heldTo(5_000)).get("$set");
    assertEquals(5_000L, set.get("heldUntil"));
  }

  @Test
  void theUpdateSetsEveryFieldAndLeavesTheVersionToTheStore() {
    Map<String, Object> update = CommandUpsert.update(command(1_000, "b"));
    assertEquals(Map.of("version", 1L), update.get("$inc"));
    @SuppressWarnings("unchecked")
    Map<String, Object> set = (Map<String, Object>) update.get("$set");
    assertEquals("ac-1", set.get(StoredCommand.DEVICE_NAME));
    assertEquals("OPERATOR", set.get(StoredCommand.SOURCE));
    assertEquals(1_000L, set.get(StoredCommand.SET_AT));
    assertEquals("b", set.get(StoredCommand.COMMAND_ID));
    assertFalse(set.containsKey(StoredCommand.VERSION));
  }

  @Test
  void aRefusedUpsertIsARedeliveryOnlyWhenTheStoredCommandIsThisOne() {
    assertEquals(
        CommandUpsert.Outcome.ALREADY_STORED,
        CommandUpsert.outcomeOfRefusal(command(1_000, "b"), "b", null));
    assertEquals(
        CommandUpsert.Outcome.SUPERSEDED,
        CommandUpsert.outcomeOfRefusal(command(1_000, "b"), "c", null));
    assertEquals(
        CommandUpsert.Outcome.SUPERSEDED,
        CommandUpsert.outcomeOfRefusal(command(1_000, "b"), Map.of("commandId", "c")));
    assertEquals(
        CommandUpsert.Outcome.ALREADY_STORED,
        CommandUpsert.outcomeOfRefusal(command(1_000, "b"), Map.of("commandId", "b")));
  }

  @Test
  void aCommandToStoreNeedsItsIdentity() {
    assertThrows(IllegalArgumentException.class, () -> command(1, null));
  }
}
