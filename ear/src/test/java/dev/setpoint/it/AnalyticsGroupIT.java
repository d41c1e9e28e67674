package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two analytics servers in one consumer group against the real stack: the EAR test server and a
 * second Liberty server running the analytics WAR alone (ear/pom.xml creates it; this test starts
 * it, so no other test shares the telemetry partitions with it). Both are in the telemetry group
 * {@code setpoint-analytics}; the second is killed with kill -9 while a stream of events, each at
 * its own origin, is being stored, and the EAR test server takes over its partitions.
 *
 * <p>What is asserted, and why it shows "nothing lost, nothing doubled". InfluxDB overwrites a
 * point written twice, so the points alone cannot show a doubled write; the writes are counted by
 * each server's {@code setpoint_analytics_telemetry_stored} (messages written) and {@code
 * _rewritten} (messages written again while their event id was among that server's latest) gauges,
 * and what each server was due to write comes from the group's committed offsets and the offset of
 * every event sent (the producer's acknowledgement). A server's figures die with it, and no server
 * knows the other's writes, so a write per event id across both is bounded, not counted, where the
 * kill leaves it unknown:
 *
 * <ul>
 *   <li>sharing: while both run, the group has two members, each assigned telemetry partitions, and
 *       both servers' {@code stored} grew with the stream;
 *   <li>nothing lost: InfluxDB holds exactly one point per event sent, N in all (each at its own
 *       timestamp, so a lost event is a missing point);
 *   <li>the kill hit records in flight: on the killed server's partitions, R > 0 events sent before
 *       the kill lay at or after its last committed offset (read this right after the kill, while
 *       the dead member still held those partitions, so no other commit is in it);
 *   <li>nothing doubled: the survivor wrote N − K distinct events (its {@code stored} less its
 *       {@code rewritten}), where K is the events below the killed server's committed offsets, and
 *       wrote none twice ({@code rewritten} did not move); the killed server wrote at most K + R.
 *       So every event was written once, but those R, each written by the survivor once and by the
 *       killed server at most once more before it died: writes per event id ≤ 1 + (the event is one
 *       of the killed server's uncommitted R), and each such replay rewrote the same point.
 * </ul>
 *
 * The accounting holds only if the stream is the topic's whole traffic while the test runs: the
 * test waits until the group has no lag and the topic is still, and checks at the end that the
 * topic grew by exactly the events it sent.
 */
class AnalyticsGroupIT {
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  /** The telemetry consumer group of both servers (analytics' default). */
  private static final String GROUP = "setpoint-analytics";

  private static final String SECOND = System.getProperty("setpoint.it.analytics.server.name");
  private static final String SECOND_BASE = System.getProperty("setpoint.it.analytics.base.url");

  private static KafkaProducer<String, String> producer;
  private static Admin admin;

  /** Where the broker put an event sent. */
  private record Sent(TopicPartition partition, long offset) {}

  @BeforeAll
  static void connect() {
    awaitReady(Duration.ofSeconds(180));
    producer = Edge.producer();
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap")));
  }

  @AfterAll
  static void close() throws Exception {
    // The test kills the second server; should it have failed before, it goes here.
    if (FaultToleranceIT.LibertyServer.process(SECOND).isPresent()) {
      FaultToleranceIT.LibertyServer.kill9(SECOND);
    }
    producer.close();
    admin.close();
  }

  @Test
  void twoServersShareThePartitionsAndTheSurvivorOfAKillTakesOverLosingAndDoublingNothing()
      throws Exception {
    String prefix = "ag-" + UUID.randomUUID().toString().substring(0, 8);
    List<TopicPartition> partitions =
        producer.partitionsFor(Topics.TELEMETRY).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    await("the telemetry group has stored everything and the topic is still")
        .atMost(Duration.ofSeconds(120))
        .during(Duration.ofSeconds(1))
        .until(() -> lag(partitions) == 0);
    Map<TopicPartition, Long> endBefore = endOffsets(partitions);
    Map<String, Double> earBefore = CloudPathIT.figures(Edge.BASE);

    FaultToleranceIT.LibertyServer.start(SECOND);
    await("the second analytics server is ready")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> Edge.get(SECOND_BASE + "/health/ready").statusCode() == 200);
    await("two members share the telemetry partitions")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Map<String, Set<TopicPartition>> members = assignment();
              return members.size() == 2
                  && members.containsKey(SECOND)
                  && members.values().stream().noneMatch(Set::isEmpty);
            });
    Set<TopicPartition> killed = assignment().get(SECOND);

    long origin = System.currentTimeMillis() * 1_000_000L;
    List<Sent> sent = new ArrayList<>();
    // A stream, every partition in each round, until both servers have stored some of it.
    await("both servers store a share of the stream")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              sent.addAll(round(prefix, origin, sent.size(), partitions));
              return stored(SECOND_BASE, Map.of()) > 0 && stored(Edge.BASE, earBefore) > 0;
            });
    for (int round = 0; round < 10; round++) {
      sent.addAll(round(prefix, origin, sent.size(), partitions));
    }
    double secondStored = stored(SECOND_BASE, Map.of());
    FaultToleranceIT.LibertyServer.kill9(SECOND);
    Map<TopicPartition, OffsetAndMetadata> committedAtKill =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
    assertEquals(
        killed,
        assignment().get(SECOND),
        "the offsets were read while the dead member still held its partitions");
    List<Sent> sentBeforeKill = List.copyOf(sent);
    for (int round = 0; round < 10; round++) {
      sent.addAll(round(prefix, origin, sent.size(), partitions));
    }

    await("the survivor holds every partition")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Map<String, Set<TopicPartition>> members = assignment();
              return members.size() == 1
                  && members.values().iterator().next().containsAll(partitions);
            });
    int total = sent.size();
    await("every event is in InfluxDB")
        .atMost(Duration.ofSeconds(90))
        .until(() -> CloudPathIT.points(prefix) >= total);
    assertEquals(total, CloudPathIT.points(prefix), "every event stored, one point each");

    long committedByKilled =
        sentBeforeKill.stream()
            .filter(s -> killed.contains(s.partition()))
            .filter(s -> s.offset() < committed(committedAtKill, s.partition()))
            .count();
    long inFlight =
        sentBeforeKill.stream()
            .filter(s -> killed.contains(s.partition()))
            .filter(s -> s.offset() >= committed(committedAtKill, s.partition()))
            .count();
    assertTrue(inFlight > 0, "the kill left none of the killed server's records uncommitted");
    assertTrue(secondStored > 0, "the second server stored none of the stream");
    assertTrue(
        secondStored <= committedByKilled + inFlight,
        "the killed server wrote " + secondStored + " of its " + (committedByKilled + inFlight));

    await("the survivor has stored what the killed server had not committed")
        .atMost(Duration.ofSeconds(60))
        .until(() -> lag(partitions) == 0);
    assertEquals(
        total,
        endOffsets(partitions).entrySet().stream()
            .mapToLong(e -> e.getValue() - endBefore.get(e.getKey()))
            .sum(),
        "the stream was the topic's whole traffic, so the counts below are exact");
    Map<String, Double> earAfter = CloudPathIT.figures(Edge.BASE);
    assertEquals(
        earBefore.get("setpoint_analytics_telemetry_rewritten"),
        earAfter.get("setpoint_analytics_telemetry_rewritten"),
        "the survivor wrote no event twice");
    assertEquals(
        (double) (total - committedByKilled),
        stored(Edge.BASE, earBefore),
        "the survivor wrote every event the killed server had not committed, and no other");
  }

  /**
   * Sends one event to each partition, from that partition's device ({@code <prefix>-p<n>}, so a
   * device stays on one partition as the relay's keys keep it), each event numbered from {@code
   * first} and at its own origin; where the broker put them.
   */
  private static List<Sent> round(
      String prefix, long origin, int first, List<TopicPartition> partitions) throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      long at = origin + (first + acks.size()) * 1_000_000L;
      String device = prefix + "-p" + partition.partition();
      String value = CODEC.encode(CloudPathIT.message(device, at, 21.5));
      acks.add(
          producer.send(
              new ProducerRecord<>(Topics.TELEMETRY, partition.partition(), device, value)));
    }
    producer.flush();
    List<Sent> sent = new ArrayList<>();
    for (Future<RecordMetadata> ack : acks) {
      RecordMetadata at = ack.get();
      sent.add(new Sent(new TopicPartition(at.topic(), at.partition()), at.offset()));
    }
    return sent;
  }

  /** The telemetry group's members by client id, each with its telemetry partitions. */
  private static Map<String, Set<TopicPartition>> assignment() throws Exception {
    Map<String, Set<TopicPartition>> members = new HashMap<>();
    for (MemberDescription member :
        admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members()) {
      members.put(
          member.clientId(),
          member.assignment().topicPartitions().stream()
              .filter(p -> p.topic().equals(Topics.TELEMETRY))
              .collect(Collectors.toSet()));
    }
    return members;
  }

  private static Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions)
      throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static long committed(Map<TopicPartition, OffsetAndMetadata> offsets, TopicPartition p) {
    OffsetAndMetadata at = offsets.get(p);
    return at == null ? 0 : at.offset();
  }

  /** Records on the topic the group has not committed yet. */
  private static long lag(List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
    return endOffsets(partitions).entrySet().stream()
        .mapToLong(e -> e.getValue() - committed(committed, e.getKey()))
        .sum();
  }

  /** Telemetry messages the server at {@code base} stored since {@code before} was read. */
  private static double stored(String base, Map<String, Double> before) throws Exception {
    String name = "setpoint_analytics_telemetry_stored";
    return CloudPathIT.figures(base).get(name) - before.getOrDefault(name, 0.0);
  }
}
