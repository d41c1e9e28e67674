package dev.setpoint.contracts.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets a {@link KafkaRecordLoop} may commit: per partition, the lowest offset read but not
 * yet done (stored, or its dead letter sent), else the offset after the last one read. Records are
 * done out of order (a dead letter may be sent before an earlier record's batch is stored), and a
 * commit never passes a record that is not done, so a restart reads again from the first record not
 * stored and loses none.
 *
 * <p>The consumer's thread calls {@link #read}, {@link #due}, {@link #committed} and {@link
 * #forget}; the {@code Runnable} that {@link #read} returns may run on any thread. Memory is one
 * entry per record read and not yet done, which the handler's own queue bounds.
 */
final class CommitPositions {
  private static final class Partition {
    final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
    volatile long next = -1;
    long committed = -1;

    long position() {
      Iterator<Long> first = open.iterator();
      return first.hasNext() ? first.next() : next;
    }
  }

  private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

  /**
   * Notes a record read; returns what marks it done. Offsets of one partition are read in
   * increasing order.
   */
  Runnable read(TopicPartition partition, long offset) {
    Partition p = partitions.computeIfAbsent(partition, ignored -> new Partition());
    p.open.add(offset);
    p.next = offset + 1;
    return () -> p.open.remove(offset);
  }

  /** The positions that moved past the last commit, to commit now. */
  Map<TopicPartition, OffsetAndMetadata> due() {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    partitions.forEach(
        (partition, p) -> {
          long position = p.position();
          if (position > p.committed) {
            due.put(partition, new OffsetAndMetadata(position));
          }
        });
    return due;
  }

  /** The positions the broker took. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          Partition p = partitions.get(partition);
          if (p != null) {
            p.committed = Math.max(p.committed, offset.offset());
          }
        });
  }

  /** The positions of these partitions, for a commit before they are handed to another member. */
  Map<TopicPartition, OffsetAndMetadata> due(Collection<TopicPartition> only) {
    Map<TopicPartition, OffsetAndMetadata> due = due();
    due.keySet().retainAll(only);
    return due;
  }

  /**
   * Drops partitions this consumer no longer owns: records of theirs still in the recorder's queue
   * are stored, but their offsets are the new owner's to commit (it reads them again; InfluxDB
   * overwrites the same points).
   */
  void forget(Collection<TopicPartition> gone) {
    gone.forEach(partitions::remove);
  }

  /** Records read and not yet done, over all partitions. */
  int open() {
    return partitions.values().stream().mapToInt(p -> p.open.size()).sum();
  }
}
