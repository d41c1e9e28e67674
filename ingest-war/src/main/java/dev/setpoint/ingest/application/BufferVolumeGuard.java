package dev.setpoint.ingest.application;

import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.ingest.config.AuditConfig;
import dev.setpoint.ingest.config.BufferVolumeConfig;
import dev.setpoint.ingest.domain.BufferVolume;
import dev.setpoint.ingest.domain.VolumeNotMeasurableException;
import dev.setpoint.ingest.domain.VolumeUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A full disk never loses an accepted event: above the high-water mark of the buffer's volume every
 * event write is refused before anything is stored ({@link BufferVolumeFullException}, 507 with
 * {@code Retry-After}), so each device keeps its events in its journal, and ingest takes them again
 * once space returns (below the low-water mark, {@link VolumeWatermarks}). The headroom above the
 * mark is what lets the store keep working meanwhile: the relay's marks and purges, which free
 * space, and the outbox's alert.
 *
 * <p>The volume is measured on a schedule ({@link #sample()}, called by the infrastructure's
 * sampler), never per request: {@link #admit()} reads the last decision. Refusing raises the hub's
 * own {@link AlertKind#EDGE_BUFFER_FULL} alert (critical, so the LAN webhook hears of it while the
 * WAN is down, which is when the buffer fills), and accepting again clears it. A volume that cannot
 * be measured turns the check off (accepting), said once in the log and in health.
 */
@ApplicationScoped
public class BufferVolumeGuard {
  private static final Logger LOG = Logger.getLogger(BufferVolumeGuard.class.getName());

  /** What ingest does with event writes, by the buffer volume's last measurement. */
  public enum State {
    /** Measured, below the marks: events are taken. */
    ACCEPTING,
    /** Measured, above the marks: events are refused with 507. */
    REFUSING,
    /** Not measured (yet, or cannot be here): events are taken, the check is off. */
    UNMEASURED;

    /** The name in health and logs. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The last decision.
   *
   * @param state what ingest does with event writes
   * @param usage the last measurement, or null when there is none
   * @param reason why the volume is not measured (UNMEASURED), or why the last measurement failed
   *     while an earlier one stands; null otherwise
   */
  public record Status(State state, VolumeUsage usage, String reason) {}

  private final BufferVolume volume;
  private final VolumeWatermarks marks;
  private final Duration retryAfter;
  private final String hub;
  private final String site;
  private final Consumer<EdgeAlert> alerts;
  private final Clock clock;
  private final AtomicLong refused = new AtomicLong();
  private volatile Status status = new Status(State.UNMEASURED, null, "not measured yet");
  private EdgeAlert raised; // the open alert, under this's lock
  private String lastFailure; // under this's lock

  @Inject
  public BufferVolumeGuard(
      BufferVolume volume, BufferVolumeConfig config, AuditConfig audit, EdgeAlertService alerts) {
    this(
        volume,
        new VolumeWatermarks(config.highWater, config.lowWater, config.minFree, config.maxHeadroom),
        config.retryAfter,
        audit.site.filter(s -> !s.isBlank()).orElse(null),
        alerts::hubAlert,
        Clock.systemUTC());
  }

  BufferVolumeGuard(
      BufferVolume volume,
      VolumeWatermarks marks,
      Duration retryAfter,
      String site,
      Consumer<EdgeAlert> alerts,
      Clock clock) {
    this.volume = volume;
    this.marks = marks;
    this.retryAfter = retryAfter;
    this.site = site;
    this.hub = site == null ? EdgeAlertEvaluator.DEFAULT_HUB : site;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected BufferVolumeGuard() {
    this.volume = null;
    this.marks = null;
    this.retryAfter = null;
    this.site = null;
    this.hub = null;
    this.alerts = null;
    this.clock = null;
  }

  /**
   * Lets an event write through, or refuses it; one volatile read.
   *
   * @throws BufferVolumeFullException the volume was above its marks at the last measurement
   */
  public void admit() {
    Status now = status;
    if (now.state() == State.REFUSING) {
      refused.incrementAndGet();
      throw new BufferVolumeFullException(refusal(now.usage()), retryAfter);
    }
  }

  /** Measures the volume and decides anew; never throws. */
  public synchronized void sample() {
    Status before = status;
    Status after;
    try {
      VolumeUsage usage = volume.measure();
      boolean full = marks.full(usage, before.state() == State.REFUSING);
      after = new Status(full ? State.REFUSING : State.ACCEPTING, usage, null);
      lastFailure = null;
    } catch (VolumeNotMeasurableException e) {
      after = new Status(State.UNMEASURED, null, e.getMessage());
      if (before.state() != State.UNMEASURED || !e.getMessage().equals(before.reason())) {
        LOG.warning(
            "the edge buffer's volume ("
                + volume.describe()
                + ") cannot be measured, so ingest never refuses events for a full disk: "
                + e.getMessage());
      }
    } catch (RuntimeException e) {
      // A passing failure (MongoDB unreachable): the last decision stands until one succeeds.
      String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (!failure.equals(lastFailure)) {
        LOG.log(
            Level.WARNING,
            "measuring the edge buffer's volume ("
                + volume.describe()
                + ") failed; the last decision ("
                + before.state().code()
                + ") stands",
            e);
      }
      lastFailure = failure;
      return;
    }
    status = after;
    changed(before, after);
  }

  private void changed(Status before, Status after) {
    boolean wasRefusing = before.state() == State.REFUSING;
    boolean refusing = after.state() == State.REFUSING;
    Instant at = clock.instant();
    if (before.state() == State.UNMEASURED && after.state() != State.UNMEASURED) {
      LOG.info(
          "ingest watches the edge buffer's volume ("
              + volume.describe()
              + "): "
              + describe(after.usage()));
    }
    if (!wasRefusing && refusing) {
      LOG.warning(
          "ingest refuses events (507) from now on: "
              + describe(after.usage())
              + "; the devices keep them in their journals");
      raised =
          new EdgeAlert(
              AlertIds.of(AlertKind.EDGE_BUFFER_FULL, hub, at),
              AlertKind.EDGE_BUFFER_FULL,
              Severity.CRITICAL,
              EdgeAlert.Event.RAISED,
              hub,
              site,
              after.usage().usedFraction(),
              usedAt(after.usage(), marks.refuseAt(after.usage())),
              "the edge hub "
                  + hub
                  + " refuses events: its buffer volume is "
                  + describe(after.usage())
                  + "; the devices keep them until space returns",
              at,
              at,
              hub);
      alerts.accept(raised);
    } else if (wasRefusing && !refusing) {
      String why =
          after.state() == State.ACCEPTING
              ? "its buffer volume is " + describe(after.usage())
              : "its buffer volume cannot be measured any more (" + after.reason() + ")";
      LOG.info("ingest takes events again: " + why);
      EdgeAlert open = raised;
      raised = null;
      if (open != null) {
        alerts.accept(
            new EdgeAlert(
                open.id(),
                open.kind(),
                open.severity(),
                EdgeAlert.Event.CLEARED,
                hub,
                site,
                after.usage() == null ? null : after.usage().usedFraction(),
                after.usage() == null
                    ? null
                    : usedAt(after.usage(), marks.acceptFrom(after.usage())),
                "the edge hub " + hub + " takes events again: " + why,
                open.start(),
                at,
                hub));
      }
    }
  }

  private String refusal(VolumeUsage usage) {
    return "the edge buffer's volume is "
        + describe(usage)
        + ": no event is stored until space returns; keep it and post it again after "
        + retryAfterSecondsText();
  }

  private String retryAfterSecondsText() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s";
  }

  private String describe(VolumeUsage usage) {
    return String.format(
        Locale.ROOT,
        "%.1f %% used, %d MB free (refusing at %d MB free or less, taking events again from %d MB)",
        usage.usedFraction() * 100,
        usage.freeBytes() / 1_000_000,
        marks.refuseAt(usage) / 1_000_000,
        marks.acceptFrom(usage) / 1_000_000);
  }

  /** The fraction used at which a volume of this size has {@code free} bytes free. */
  private static double usedAt(VolumeUsage usage, long free) {
    long size = usage.usedBytes() + usage.freeBytes();
    return size == 0 ? 1.0 : Math.max(0, 1 - (double) free / size);
  }

  /** The last decision. */
  public Status status() {
    return status;
  }

  /** Event writes refused for a full volume since start. */
  public long refusedCount() {
    return refused.get();
  }
}
