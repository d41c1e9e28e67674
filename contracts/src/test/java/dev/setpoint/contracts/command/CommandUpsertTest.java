package dev.setpoint.contracts.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CommandUpsert.outcomeOfRefusal(command(1_000, "b"), "b"));
    assertEquals(
        CommandUpsert.Outcome.SUPERSEDED, CommandUpsert.outcomeOfRefusal(command(1_000, "b"), "c"));
  }

  @Test
  void aCommandToStoreNeedsItsIdentity() {
    assertThrows(IllegalArgumentException.class, () -> command(1, null));
  }
}
