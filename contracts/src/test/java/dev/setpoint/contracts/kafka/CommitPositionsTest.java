package dev.setpoint.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitPositionsTest {
  private static final TopicPartition P0 = new TopicPartition("setpoint.telemetry", 0);
  private static final TopicPartition P1 = new TopicPartition("setpoint.telemetry", 1);
  private final CommitPositions positions = new CommitPositions();

  private static Map<TopicPartition, OffsetAndMetadata> at(TopicPartition p, long offset) {
    return Map.of(p, new OffsetAndMetadata(offset));
  }

  @Test
  void aCommitNeverPassesARecordNotYetDone() {
    Runnable r10 = positions.read(P0, 10);
    Runnable r11 = positions.read(P0, 11);
    Runnable r12 = positions.read(P0, 12);
    assertEquals(at(P0, 10), positions.due(), "nothing done: from the first record read");

    r11.run(); // a dead letter sent before the batch that holds 10 is stored
    r12.run();
    assertEquals(at(P0, 10), positions.due(), "10 is still open");

    r10.run();
    assertEquals(at(P0, 13), positions.due(), "all done: after the last one read");
    assertEquals(0, positions.open());
  }

  @Test
  void onlyPositionsThatMovedPastTheLastCommitAreDue() {
    positions.read(P0, 0).run();
    Runnable p1 = positions.read(P1, 5);
    positions.committed(positions.due());
    assertEquals(Map.of(), positions.due(), "nothing moved");

    p1.run();
    assertEquals(at(P1, 6), positions.due());
    assertEquals(Map.of(), positions.due(List.of(P0)), "only the partitions asked for");
  }

  @Test
  void aRevokedPartitionIsForgottenAndItsLateAcknowledgementsChangeNothing() {
    Runnable late = positions.read(P0, 7);
    positions.forget(List.of(P0));
    late.run();
    assertEquals(Map.of(), positions.due());

    positions.read(P0, 3); // assigned again, read again from the new owner's commit
    assertEquals(at(P0, 3), positions.due());
  }
}
