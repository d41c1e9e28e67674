package dev.setpoint.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad evaluate flags are usage errors that name the value, before anything runs or is written. */
class ModelCliTest {
  @TempDir Path docs;

  private String refused(String... flags) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ModelCli());
    cli.setErr(new PrintWriter(err));
    String[] args = new String[flags.length + 3];
    args[0] = "evaluate";
    args[1] = "--docs";
    args[2] = docs.toString();
    System.arraycopy(flags, 0, args, 3, flags.length);
    assertEquals(2, cli.execute(args), err.toString());
    return err.toString();
  }

  @Test
  void unknownClimatesRoomsScenariosAndSeedsAreRefusedByName() throws Exception {
    assertTrue(refused("--climate", "Atlantis").contains("no built-in climate 'Atlantis'"));
    assertTrue(refused("--climate", "missing.csv").contains("cannot read the climate file"));
    assertTrue(refused("--room", "attic").contains("no room 'attic'"));
    assertTrue(refused("--scenario", "meteor").contains("no scenario 'meteor'"));
    assertTrue(refused("--seeds", "1-x").contains("a seed range must be like 1-5"));
    assertTrue(refused("--tune-seeds", "seven").contains("a seed must be a whole number"));
    try (var written = Files.list(docs)) {
      assertEquals(List.of(), written.toList(), "nothing written");
    }
  }
}
