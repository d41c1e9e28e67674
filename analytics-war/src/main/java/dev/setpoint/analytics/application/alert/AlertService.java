package dev.setpoint.analytics.application.alert;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.alert.AlertNotifier;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.domain.alert.AlertStore;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.RoomClimate;
import dev.setpoint.contracts.alert.RoomClimateTrack;
import dev.setpoint.contracts.alert.RoomConditions;
import dev.setpoint.contracts.alert.RoomFinding;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises, escalates, clears and reminds of alerts (README "Alerts"). It watches the telemetry (each
 * room's hottest inlet, its rate of change, humidity and dew point; each device's silence), the
 * recommender's decisions (fallback for lack of data), the meters' anomalies, the model and the
 * consumer lag, and judges them with the {@link AlertRules} of the room's site and room ({@link
 * RoomConditions}, the same pure code the edge runs).
 *
 * <p><b>Lifecycle.</b> One alert per condition and subject while it holds: raised (subscribers
 * told), escalated to a higher severity (told again), eased to a lower one (recorded), acknowledged
 * by an operator with a comment (told), cleared when the condition ends, past its hysteresis
 * (told). An open alert no operator acknowledged is told again every {@code renotifyMinutes}. The
 * same condition coming back after it cleared is a new alert. Its id derives from kind, subject and
 * the minute it started ({@link AlertIds}), so the edge and the cloud raise the same alert alike.
 *
 * <p><b>Durability.</b> Every change is stored in the {@link AlertStore} before subscribers are
 * told; a change the store did not take is kept here and stored again on the next {@link #tick()},
 * so a store outage delays the record, never loses it. Open alerts are read back from the store at
 * the first tick after a start, so a restart neither forgets an alert nor raises it twice.
 *
 * <p><b>The edge's alerts.</b> An edge hub raises room alerts itself while its link is down, with
 * the same rules on the same readings, and reports each change when the link returns ({@link
 * #edge(EdgeAlert)}); its buffered telemetry arrives about then too, in either order. A room
 * condition is therefore judged by time, not by arrival: a reading or an edge change older than the
 * condition's last change here neither raises, escalates, eases nor clears it (the change that came
 * first already accounted for a later moment). An edge alert the cloud has (open under the same
 * condition, or stored under its id) is not raised twice; one it has not is recorded with the
 * edge's start and told as raised.
 */
public final class AlertService {
  private static final Logger LOG = Logger.getLogger(AlertService.class.getName());

  /** The subject of the service's own alerts. */
  public static final String SERVICE = "analytics";

  /** A device's reporting interval until two of its messages were seen. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  /** The decision reasons that mean the controller lacks data. */
  static final Set<String> FALLBACK_REASONS =
      Set.of("window_stale", "window_incomplete", "prediction_missing");

  private final AlertStore store;
  private final AlertNotifier notifier;
  private final BiFunction<String, String, AlertRules> rules;
  private final AuditTrail audit;
  private final Clock clock;

  private final Map<String, Alert> open = new ConcurrentHashMap<>();
  private final Map<String, Alert> unsaved = new ConcurrentHashMap<>();
  private final Map<String, RoomTrack> rooms = new ConcurrentHashMap<>();
  private final Map<String, DeviceTrack> devices = new ConcurrentHashMap<>();
  private final Map<String, Instant> hubsHeard = new ConcurrentHashMap<>();

  /** Per edge hub: the latest receipt time (the hub's clock) among the messages read from it. */
  private final Map<String, Instant> hubsDelivered = new ConcurrentHashMap<>();

  /**
   * Per room condition (kind and room): the time of the reading or edge change that last changed
   * it.
   */
  private final Map<String, Instant> roomChangedAt = new ConcurrentHashMap<>();

  private volatile boolean loaded;

  /** Analytics' consumer lag at its last reading, records (none read yet: 0). */
  private volatile long lag;

  /**
   * @param rules the rules of a site and room (either may be null)
   */
  public AlertService(
      AlertStore store,
      AlertNotifier notifier,
      BiFunction<String, String, AlertRules> rules,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ inputs

  /** A stored telemetry message: the device was heard, and its room's climate is judged. */
  public void accept(TelemetryMessage m) {
    Instant time = timeOf(m);
    String room = m.room() != null ? m.room() : m.device();
    hub(m, time);
    DeviceTrack d = devices.computeIfAbsent(m.device(), k -> new DeviceTrack());
    synchronized (d) {
      d.heard(time, Instant.ofEpochSecond(0, m.origin()), m.site(), room);
    }
    condition(
        AlertKind.DEVICE_OFFLINE,
        m.device(),
        m.site(),
        room,
        m.device(),
        null,
        null,
        null,
        "device " + m.device() + " reports again",
        time);
    Double temperature = reading(m, "temperature");
    if (temperature == null) {
      return;
    }
    Double humidity = reading(m, "humidity");
    RoomTrack r = rooms.computeIfAbsent(room, k -> new RoomTrack());
    RoomClimate climate;
    synchronized (r) {
      r.site = m.site();
      climate = r.track.accept(m.device(), time, temperature, humidity);
      r.last = climate;
    }
    judgeRoom(room, m.site(), climate);
  }

  /**
   * The edge hub of the message's site (one hub per site; a device without a site is the hub {@code
   * default}'s) was heard: its silence clears; and what it delivers is judged by its age, the hub's
   * receipt to now, which is its backlog's age while it forwards what it buffered (a warning above
   * {@code backlogMinutes}, cleared below half of it).
   */
  private void hub(TelemetryMessage m, Instant received) {
    String hub = hubOf(m.site());
    Instant now = clock.instant();
    hubsHeard.merge(hub, now, AlertService::later);
    hubsDelivered.merge(hub, received, AlertService::later);
    condition(
        AlertKind.EDGE_SILENT,
        hub,
        m.site(),
        null,
        null,
        null,
        null,
        null,
        "the edge hub of site " + hub + " is heard again",
        now);
    if (m.receivedAt() == null) {
      return; // an old relay: no receipt time, no backlog age
    }
    AlertRules r = rules.apply(m.site(), null);
    double ageMinutes = Duration.between(received, now).toMillis() / 60_000.0;
    boolean behindBefore = open.containsKey(key(AlertKind.EDGE_BACKLOG, hub));
    boolean behind =
        ageMinutes > r.backlogMinutes() || (behindBefore && ageMinutes > r.backlogMinutes() / 2);
    condition(
        AlertKind.EDGE_BACKLOG,
        hub,
        m.site(),
        null,
        null,
        behind ? Severity.WARNING : null,
        ageMinutes,
        r.backlogMinutes(),
        behind
            ? String.format(
                Locale.ROOT,
                "the edge hub of site %s delivers events %.0f minutes old: it is forwarding a backlog",
                hub,
                ageMinutes)
            : "the edge hub of site " + hub + " has caught up",
        now);
  }

  private static String hubOf(String site) {
    return site == null || site.isBlank() ? "default" : site;
  }

  /** A decision of the recommender: a room in fallback for lack of data is alerted. */
  public void decided(DeviceRecommendation d) {
    boolean fallback = FALLBACK_REASONS.contains(d.reason());
    condition(
        AlertKind.CONTROLLER_FALLBACK,
        d.room(),
        d.site(),
        d.room(),
        d.device(),
        fallback ? Severity.WARNING : null,
        null,
        null,
        fallback
            ? "the controller of room "
                + d.room()
                + " lacks data ("
                + d.reason()
                + ")"
                + String.format(Locale.ROOT, ": setpoint %.1f °C", d.recommendedC())
            : "the controller of room " + d.room() + " decides on its model again",
        d.time());
  }

  /**
   * The model's state: none loaded is critical (the rooms fall back); a reload that failed while
   * the previous model still serves is a warning; both clear once a model loads.
   *
   * @param error why the last load failed, or null when it succeeded
   */
  public void model(boolean loaded, String error) {
    Severity s = !loaded ? Severity.CRITICAL : error != null ? Severity.WARNING : null;
    condition(
        AlertKind.MODEL_FAILED,
        SERVICE,
        null,
        null,
        null,
        s,
        null,
        null,
        s == null
            ? "a model is loaded"
            : (loaded
                    ? "a model reload failed, the previous model still serves: "
                    : "no model is loaded: ")
                + error,
        clock.instant());
  }

  /** Analytics' consumer lag, records. */
  public void consumerLag(long lag) {
    this.lag = lag;
    AlertRules r = rules.apply(null, null);
    condition(
        AlertKind.CONSUMER_LAG,
        SERVICE,
        null,
        null,
        null,
        lag > r.consumerLagRecords() ? Severity.WARNING : null,
        (double) lag,
        r.consumerLagRecords(),
        "analytics lags " + lag + " telemetry records behind",
        clock.instant());
  }

  /**
   * The meters' recent anomalies (from the energy roll-up): each meter with one has an alert, the
   * others' clear.
   */
  public void meterAnomalies(List<MeterAnomaly> recent) {
    Instant now = clock.instant();
    Set<String> seen = new HashSet<>();
    for (MeterAnomaly a : recent) {
      String subject = a.meter().device() + "/" + a.meter().quantity().code();
      seen.add(subject);
      condition(
          AlertKind.METER_ANOMALY,
          subject,
          a.meter().site(),
          a.meter().room(),
          a.meter().device(),
          Severity.WARNING,
          null,
          null,
          "meter " + subject + ": " + a.anomaly().kind().code() + ", " + a.anomaly().detail(),
          now);
    }
    for (Alert a : List.copyOf(open.values())) {
      if (a.kind() == AlertKind.METER_ANOMALY && !seen.contains(a.subject())) {
        condition(
            AlertKind.METER_ANOMALY,
            a.subject(),
            a.site(),
            a.room(),
            a.device(),
            null,
            null,
            null,
            "meter " + a.subject() + " reads plausibly again",
            now);
      }
    }
  }

  // -------------------------------------------------------------------- tick

  /**
   * The periodic round: reads the open alerts after a start, stores what the store did not take,
   * raises silent devices as offline (not while analytics lags behind the topic by more than the
   * consumer lag rule: see {@link #silenceReference} for a hub's backlog), and reminds of open
   * unacknowledged alerts.
   */
  public void tick() {
    Instant now = clock.instant();
    load();
    for (Alert a : List.copyOf(unsaved.values())) {
      persist(a);
    }
    // While analytics itself is behind the topic (its consumer_lag warning), what it has not read
    // yet is no device's silence.
    if (lag <= rules.apply(null, null).consumerLagRecords()) {
      offlineDevices(now);
    }
    for (Map.Entry<String, Instant> h : hubsHeard.entrySet()) {
      AlertRules r = rules.apply(h.getKey(), null);
      Duration silent = Duration.between(h.getValue(), now);
      if (silent.toMillis() > r.edgeSilentMinutes() * 60_000) {
        condition(
            AlertKind.EDGE_SILENT,
            h.getKey(),
            h.getKey(),
            null,
            null,
            Severity.CRITICAL,
            silent.toSeconds() / 60.0,
            r.edgeSilentMinutes(),
            String.format(
                Locale.ROOT,
                "nothing from the edge hub of site %s for %d minutes: the hub or its link to the"
                    + " cloud is down (the hub keeps buffering what its devices post)",
                h.getKey(),
                silent.toMinutes()),
            now);
      }
    }
    for (Alert a : List.copyOf(open.values())) {
      if (a.state() != AlertState.RAISED) {
        continue;
      }
      AlertRules r = rules.apply(a.site(), a.room());
      Instant last = a.notifiedAt() != null ? a.notifiedAt() : a.raisedAt();
      if (!last.plus(Duration.ofSeconds((long) (r.renotifyMinutes() * 60))).isAfter(now)) {
        tell(a, AlertEvent.REMINDER, now);
      }
    }
  }

  /** Raises each device silent for more than its allowance as offline. */
  private void offlineDevices(Instant now) {
    for (Map.Entry<String, DeviceTrack> e : devices.entrySet()) {
      DeviceTrack d = e.getValue();
      Instant last;
      Duration interval;
      String site;
      String room;
      synchronized (d) {
        last = d.last;
        interval = d.interval();
        site = d.site;
        room = d.room;
      }
      AlertRules r = rules.apply(site, room);
      Duration allowed = Duration.ofMillis((long) (interval.toMillis() * r.offlineIntervals()));
      Duration silent = Duration.between(last, silenceReference(hubOf(site), allowed, now));
      if (silent.compareTo(allowed) > 0) {
        condition(
            AlertKind.DEVICE_OFFLINE,
            e.getKey(),
            site,
            room,
            e.getKey(),
            Severity.WARNING,
            (double) silent.toSeconds(),
            (double) allowed.toSeconds(),
            String.format(
                Locale.ROOT,
                "device %s silent since %s (more than %.0f of its %d s reporting intervals)",
                e.getKey(),
                last,
                r.offlineIntervals(),
                interval.toSeconds()),
            now);
      }
    }
  }

  /**
   * What a device's silence is measured up to: while its hub is delivering (heard within the
   * device's allowance), the latest receipt time read from that hub, so a backlog the hub forwards
   * or analytics' own lag behind the topic never looks like devices going silent (a device is
   * silent when its hub delivers its neighbours' later readings and not its own); once the hub
   * itself is quiet, the clock (a hub with one device, whose device stopped, is silent as a whole).
   */
  private Instant silenceReference(String hub, Duration allowed, Instant now) {
    Instant heard = hubsHeard.get(hub);
    Instant delivered = hubsDelivered.get(hub);
    if (heard == null || delivered == null || Duration.between(heard, now).compareTo(allowed) > 0) {
      return now;
    }
    return delivered;
  }

  private void load() {
    if (loaded) {
      return;
    }
    try {
      for (Alert a : store.open()) {
        open.putIfAbsent(key(a.kind(), a.subject()), a);
        if (RoomConditions.KINDS.contains(a.kind())) {
          // after a restart, a reading from before the alert started cannot clear it
          roomChangedAt.merge(key(a.kind(), a.subject()), a.raisedAt(), AlertService::later);
        }
      }
      loaded = true;
    } catch (ControlStoreUnavailableException e) {
      LOG.log(Level.WARNING, "the open alerts cannot be read yet: {0}", e.getMessage());
    }
  }

  // ------------------------------------------------------------- operators

  /**
   * Acknowledges an open alert, and records it in the {@link AuditTrail}.
   *
   * @return the acknowledged alert, or empty for an id not known
   * @throws IllegalStateException for an alert already cleared
   */
  public Optional<Alert> acknowledge(String id, AuditActor by, String comment) {
    Alert current = open.values().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    if (current == null) {
      Optional<Alert> stored = store.find(id);
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      if (!stored.get().state().open()) {
        throw new IllegalStateException(
            "alert " + id + " has cleared; there is nothing to acknowledge");
      }
      current = stored.get();
    }
    Alert acked = current.acknowledged(by.name(), comment, clock.instant());
    store.save(acked); // an operator's acknowledgement is stored or refused, never only in memory
    audit.record(
        by,
        AuditChange.of(AuditKind.ALERT, AuditAction.ACKNOWLEDGE, id)
            .withDevice(acked.device())
            .withSite(acked.site())
            .withRoom(acked.room())
            .withBefore(acknowledgement(current))
            .withAfter(acknowledgement(acked)));
    open.computeIfPresent(
        key(acked.kind(), acked.subject()), (k, a) -> a.id().equals(id) ? acked : a);
    notifier.notify(acked, AlertEvent.ACKNOWLEDGED);
    return Optional.of(acked);
  }

  /** An alert as the audit trail shows its acknowledgement. */
  private static Object acknowledgement(Alert a) {
    return AuditChange.state(
        "kind",
        a.kind().code(),
        "severity",
        a.severity().code(),
        "state",
        a.state().code(),
        "acknowledgedBy",
        a.acknowledgedBy(),
        "acknowledgedAt",
        a.acknowledgedAt(),
        "comment",
        a.comment());
  }

  /** The stored alerts the query matches, with the total over all pages. */
  public record Page(List<Alert> alerts, long total, int page, int size) {}

  public Page list(AlertQuery query) {
    return new Page(store.query(query), store.count(query), query.page(), query.size());
  }

  public Optional<Alert> find(String id) {
    return store.find(id);
  }

  /** A room's climate at its last reading, for the gauges. */
  public record RoomNow(String room, String site, RoomClimate climate) {}

  /** Every room's climate at its last reading. */
  public List<RoomNow> rooms() {
    List<RoomNow> now = new ArrayList<>();
    rooms.forEach(
        (room, r) -> {
          synchronized (r) {
            if (r.last != null) {
              now.add(new RoomNow(room, r.site, r.last));
            }
          }
        });
    return now;
  }

  /** The alerts open here now (with changes the store has not taken yet). */
  public List<Alert> openNow() {
    return List.copyOf(open.values());
  }

  // -------------------------------------------------------------- the core

  private void judgeRoom(String room, String site, RoomClimate climate) {
    AlertRules r = rules.apply(site, room);
    Map<AlertKind, Severity> before = new EnumMap<>(AlertKind.class);
    for (AlertKind k : RoomConditions.KINDS) {
      Alert a = open.get(key(k, room));
      if (a != null) {
        before.put(k, a.severity());
      }
    }
    Instant t = climate.time();
    for (RoomFinding f : RoomConditions.judge(r, room, climate, before)) {
      Instant changed = roomChangedAt.get(key(f.kind(), room));
      if (changed != null && t.isBefore(changed)) {
        continue; // an older reading than the one (or the edge change) that last changed it
      }
      Alert current = open.get(key(f.kind(), room));
      if (f.severity() == (current == null ? null : current.severity())) {
        continue; // as it stands: nothing to raise, change or clear (most readings)
      }
      if (condition(
          f.kind(),
          room,
          site,
          room,
          null,
          f.severity(),
          f.value(),
          f.threshold(),
          f.message(),
          t)) {
        roomChangedAt.merge(key(f.kind(), room), t, AlertService::later);
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  // ------------------------------------------------------------- the edge

  /**
   * A change of an alert an edge hub raised itself (see the class comment): recorded, escalated or
   * cleared here as if the cloud had judged the readings itself, once.
   *
   * @throws ControlStoreUnavailableException when the store cannot say whether the alert is known;
   *     the caller tries again later
   */
  public void edge(EdgeAlert e) {
    load();
    String key = key(e.kind(), e.room());
    Instant changed = roomChangedAt.get(key);
    if (changed != null && e.at().isBefore(changed)) {
      return; // the cloud has judged a later moment of this condition already
    }
    Alert current = open.get(key);
    Double v = e.value() == null || !Double.isFinite(e.value()) ? null : e.value();
    switch (e.event()) {
      case CLEARED -> {
        // Another open alert of the condition (started at another minute) is the cloud's own; its
        // readings clear it.
        if (current != null && current.id().equals(e.id()) && open.remove(key, current)) {
          Alert cleared = current.cleared(e.message(), e.at());
          persist(cleared);
          tell(cleared, AlertEvent.CLEARED, clock.instant());
          roomChangedAt.merge(key, e.at(), AlertService::later);
        }
      }
      case RAISED, ESCALATED -> {
        if (current != null) {
          // the condition is alerted already, under this id or under the cloud's own
          if (e.severity().compareTo(current.severity()) > 0) {
            Alert escalated = current.updated(e.severity(), v, e.threshold(), e.message(), e.at());
            if (open.replace(key, current, escalated)) {
              persist(escalated);
              tell(escalated, AlertEvent.ESCALATED, clock.instant());
              roomChangedAt.merge(key, e.at(), AlertService::later);
            }
          }
          return;
        }
        if (unsaved.containsKey(e.id()) || store.find(e.id()).isPresent()) {
          return; // the cloud raised it too, and it has cleared since
        }
        Alert raised =
            new Alert(
                e.id(),
                e.kind(),
                e.severity(),
                AlertState.RAISED,
                e.room(),
                e.site(),
                // A hub's own alert (its buffer volume full) names the hub as its subject, no room.
                e.kind().scope() == AlertKind.Scope.HUB ? null : e.room(),
                null,
                v,
                e.threshold(),
                e.message(),
                e.start(),
                e.at(),
                null,
                null,
                null,
                null,
                null,
                0);
        if (open.putIfAbsent(key, raised) == null) {
          persist(raised);
          tell(raised, AlertEvent.RAISED, clock.instant());
          roomChangedAt.merge(key, e.at(), AlertService::later);
        }
      }
    }
  }

  /**
   * One condition of one subject now: {@code severity} null when it does not hold. Raises,
   * escalates, eases or clears the subject's open alert of that kind.
   *
   * @return whether it changed the alert
   */
  private boolean condition(
      AlertKind kind,
      String subject,
      String site,
      String room,
      String device,
      Severity severity,
      Double value,
      Double threshold,
      String message,
      Instant at) {
    String key = key(kind, subject);
    Alert current = open.get(key);
    if (severity == null) {
      if (current != null && open.remove(key, current)) {
        Alert cleared = current.cleared(message, at);
        persist(cleared);
        tell(cleared, AlertEvent.CLEARED, at);
        return true;
      }
      return false;
    }
    Double v = value == null || !Double.isFinite(value) ? null : value;
    if (current == null) {
      Alert raised =
          new Alert(
              AlertIds.of(kind, subject, at),
              kind,
              severity,
              AlertState.RAISED,
              subject,
              site,
              room,
              device,
              v,
              threshold,
              message,
              at,
              at,
              null,
              null,
              null,
              null,
              null,
              0);
      if (open.putIfAbsent(key, raised) == null) {
        persist(raised);
        tell(raised, AlertEvent.RAISED, at);
        return true;
      }
      return false;
    }
    if (severity != current.severity()) {
      Alert changed = current.updated(severity, v, threshold, message, at);
      open.replace(key, current, changed);
      persist(changed);
      if (severity.compareTo(current.severity()) > 0) {
        tell(changed, AlertEvent.ESCALATED, at);
      }
      return true;
    }
    return false;
  }

  /** Tells subscribers and records it; the notifier never blocks. */
  private void tell(Alert alert, AlertEvent event, Instant at) {
    try {
      notifier.notify(alert, event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "telling subscribers of alert " + alert.id() + " failed", e);
    }
    Alert told = alert.notified(at);
    open.computeIfPresent(
        key(alert.kind(), alert.subject()), (k, a) -> a.id().equals(told.id()) ? told : a);
    persist(told);
  }

  private void persist(Alert alert) {
    try {
      store.save(alert);
      unsaved.remove(alert.id(), alert);
    } catch (ControlStoreUnavailableException e) {
      boolean first = unsaved.put(alert.id(), alert) == null;
      if (first) {
        LOG.log(
            Level.WARNING,
            "alert {0} kept in memory until the store answers: {1}",
            new Object[] {alert.id(), e.getMessage()});
      }
    }
  }

  private static String key(AlertKind kind, String subject) {
    return kind.code() + '\n' + subject;
  }

  private static Instant timeOf(TelemetryMessage m) {
    return m.receivedAt() != null
        ? Instant.ofEpochMilli(m.receivedAt())
        : Instant.ofEpochSecond(0, m.origin());
  }

  private static Double reading(TelemetryMessage m, String resource) {
    if (m.readings() == null) {
      return null;
    }
    for (TelemetryReading r : m.readings()) {
      if (resource.equals(r.resource()) && r.value() != null && Double.isFinite(r.value())) {
        return r.value();
      }
    }
    return null;
  }

  /** A room: its climate, tracked as the edge tracks it, and the last one judged. */
  private static final class RoomTrack {
    String site;
    RoomClimate last;
    final RoomClimateTrack track = new RoomClimateTrack();
  }

  /**
   * A device: when it was last heard (the hub's receipt), and its last reporting intervals, from
   * its own readings' times: a backlog the device or its hub delivers in a burst after an outage
   * arrives seconds apart, but its readings stay their interval apart, and a device clock's offset
   * cancels out of a difference.
   */
  private static final class DeviceTrack {
    Instant last;
    Instant lastOrigin;
    String site;
    String room;
    final long[] gaps = new long[5];
    int count;

    void heard(Instant time, Instant origin, String s, String r) {
      if (lastOrigin != null && origin.isAfter(lastOrigin)) {
        gaps[count++ % gaps.length] = Duration.between(lastOrigin, origin).toMillis();
      }
      if (lastOrigin == null || origin.isAfter(lastOrigin)) {
        lastOrigin = origin;
      }
      if (last == null || time.isAfter(last)) {
        last = time;
      }
      site = s;
      room = r;
    }

    /** The median of its last intervals (a minute until two messages were seen). */
    Duration interval() {
      int n = Math.min(count, gaps.length);
      if (n == 0) {
        return DEFAULT_INTERVAL;
      }
      long[] g = Arrays.copyOf(gaps, n);
      Arrays.sort(g);
      return Duration.ofMillis(Math.max(1000, g[n / 2]));
    }
  }
}
