package dev.setpoint.device.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
  @TempDir Path dir;

  private static List<String> drain(EventJournal journal) {
    List<String> bodies = new ArrayList<>();
    while (!journal.isEmpty()) {
      bodies.add(journal.head().orElseThrow().body());
      journal.removeHead();
    }
    return bodies;
  }

  @Test
  void pendingEventsSurviveAReopenInOrder() throws Exception {
    Path file = dir.resolve("d.journal");
    try (EventJournal journal = new EventJournal(file, 100)) {
      for (int i = 1; i <= 5; i++) {
        journal.append("r1", "/api/v3/event/s/p/r1/climate", "{\"n\":" + i + "}");
      }
      journal.removeHead();
      journal.removeHead();
    }
    try (EventJournal again = new EventJournal(file, 100)) {
      assertEquals(3, again.size());
      assertEquals(3, again.head().orElseThrow().seq());
      again.append("r1", "/p", "{\"n\":6}");
      assertEquals(List.of("{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}"), drain(again));
    }
    try (EventJournal empty = new EventJournal(file, 100)) {
      assertEquals(0, empty.size());
      assertEquals(0, Files.size(file), "an emptied journal is truncated");
    }
  }

  @Test
  void aTornLastLineIsCutOff() throws Exception {
    Path file = dir.resolve("d.journal");
    try (EventJournal journal = new EventJournal(file, 100)) {
      journal.append("r1", "/p", "{\"n\":1}");
    }
    Files.writeString(file, "A 2 r1 /p {\"n\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (EventJournal again = new EventJournal(file, 100)) {
      assertEquals(List.of("{\"n\":1}"), drain(again));
    }
  }

  @Test
  void aFullJournalDropsTheOldest() throws Exception {
    try (EventJournal journal = new EventJournal(dir.resolve("d.journal"), 3)) {
      for (int i = 1; i <= 5; i++) {
        journal.append("r1", "/p", "{\"n\":" + i + "}");
      }
      assertEquals(3, journal.size());
      assertEquals(2, journal.dropped());
      assertEquals(List.of("{\"n\":3}", "{\"n\":4}", "{\"n\":5}"), drain(journal));
    }
  }

  @Test
  void compactionKeepsTheFileNearThePendingSize() throws Exception {
    Path file = dir.resolve("d.journal");
    try (EventJournal journal = new EventJournal(file, 10_000)) {
      journal.append("r1", "/p", "{\"keep\":true}");
      for (int i = 0; i < 3000; i++) {
        journal.append("r1", "/p", "{\"n\":" + i + "}");
        if (i == 0) {
          continue;
        }
      }
      for (int i = 0; i < 2900; i++) {
        journal.removeHead();
      }
      assertEquals(101, journal.size());
      long lines = Files.readAllLines(file).size();
      assertTrue(lines < 1500, "file has " + lines + " lines for 101 pending");
    }
    try (EventJournal again = new EventJournal(file, 10_000)) {
      assertEquals(101, again.size());
      assertEquals("{\"n\":2899}", again.head().orElseThrow().body());
    }
  }
}
