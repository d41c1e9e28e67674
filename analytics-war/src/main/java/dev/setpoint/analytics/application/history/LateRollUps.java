package dev.setpoint.analytics.application.history;

import dev.setpoint.analytics.domain.history.RollUpBackfill;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings late points into the roll-ups. The store's continuous queries roll up only their own
 * recent window (each minute the last 2 minutes, each hour the last 2 hours), so the points an edge
 * hub delivers after a WAN outage would otherwise stay out of the roll-ups and, once the raw
 * retention passes, out of the history altogether. Each stored message older than {@link #LATE}
 * marks its hour; an hour no late point touched for the quiet time ({@code
 * setpoint.analytics.history.late-quiet}, a minute: the backlog has moved past it) is rolled up
 * again, a few hours per round, oldest first.
 *
 * <p>Bounded: one entry per marked hour, only hours within the roll-ups' retention (at most 2 years
 * of hours, 17,520). Only a hint, like the energy roll-up's: marks are kept in memory, so a restart
 * in the middle of a backlog loses the hours marked and not yet rolled up (the points stay in the
 * raw data for its retention; the stack's {@code influx_backfill} recomputes a range by hand).
 */
public class LateRollUps {
  private static final Logger LOG = Logger.getLogger(LateRollUps.class.getName());

  /** Older than this, a point missed the per-minute query's window (2 minutes) and its margin. */
  public static final Duration LATE = Duration.ofMinutes(3);

  /** Most hours rolled up in one round, so a round stays short. */
  public static final int HOURS_PER_ROUND = 6;

  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  private final RollUpBackfill backfill;
  private final Duration retention;
  private final Duration quiet;
  private final Clock clock;
  private final Map<Long, Long> touched = new ConcurrentSkipListMap<>();
  private final AtomicLong hoursRolledUp = new AtomicLong();
  private volatile boolean unavailableLogged;

  /**
   * @param retention how long the roll-ups are kept: older hours are not worth recomputing
   * @param quiet how long an hour must go without late points before it is rolled up again
   * @throws IllegalArgumentException when {@code quiet} is negative
   */
  public LateRollUps(RollUpBackfill backfill, Duration retention, Duration quiet, Clock clock) {
    if (quiet.isNegative()) {
      throw new IllegalArgumentException(
          "setpoint.analytics.history.late-quiet must not be negative, not " + quiet);
    }
    this.backfill = backfill;
    this.retention = retention;
    this.quiet = quiet;
    this.clock = clock;
  }

  /** Told of each stored message; marks its hour when it came too late for the roll-ups. */
  public void noteStored(TelemetryMessage message) {
    long originMs = Math.floorDiv(message.origin(), 1_000_000L);
    long now = clock.millis();
    if (originMs >= now - LATE.toMillis() || originMs < now - retention.toMillis()) {
      return;
    }
    touched.put(Math.floorDiv(originMs, HOUR_MS) * HOUR_MS, now);
  }

  /**
   * Rolls up again the quiet hours marked, oldest first, at most {@link #HOURS_PER_ROUND}; an hour
   * whose backfill failed stays marked for the next round.
   *
   * @return how many hours were rolled up
   */
  public int round() {
    if (touched.isEmpty()) {
      return 0;
    }
    if (!backfill.available()) {
      if (!unavailableLogged) {
        unavailableLogged = true;
        LOG.warning(
            "late points: the time-series store has no continuous queries to run again (InfluxDB"
                + " 2.x rolls up with its own tasks); late hours are not rolled up here");
      }
      touched.clear();
      return 0;
    }
    long now = clock.millis();
    List<Long> due = new ArrayList<>();
    for (Map.Entry<Long, Long> hour : touched.entrySet()) {
      if (due.size() == HOURS_PER_ROUND) {
        break;
      }
      if (now - hour.getValue() >= quiet.toMillis()) {
        due.add(hour.getKey());
      }
    }
    int done = 0;
    for (long hour : due) {
      Long markedAt = touched.get(hour);
      try {
        backfill.rollUpHour(Instant.ofEpochMilli(hour));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "rolling up the late hour {0} failed; trying again next round: {1}",
            new Object[] {Instant.ofEpochMilli(hour), e.toString()});
        break;
      }
      // A point that marked the hour again meanwhile keeps it for another round.
      touched.remove(hour, markedAt);
      hoursRolledUp.incrementAndGet();
      done++;
    }
    return done;
  }

  /** Hours waiting to be rolled up again. */
  public int pendingHours() {
    return touched.size();
  }

  /** Hours rolled up again since start. */
  public long hoursRolledUp() {
    return hoursRolledUp.get();
  }
}
