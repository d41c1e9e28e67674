package dev.setpoint.analytics.application;

import dev.setpoint.analytics.application.room.RoomSnapshot;
import dev.setpoint.analytics.domain.CommandPublisher;
import dev.setpoint.analytics.domain.DecisionInputs;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.recommend.ChangeRateLimit;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.Recommendation;
import dev.setpoint.model.recommend.ResidualBound;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Turns the rooms' stored telemetry into setpoint recommendations with the shared {@link
 * SetpointPolicy} and the served {@link SetpointModel}.
 *
 * <p><b>Rooms.</b> A room is what its devices' {@code room:<name>} label names; a device without
 * one is a room of its own. A room has one or more inlet sensors (devices that report {@code
 * temperature}) and one controllable setpoint: the device that reports its {@code setpoint} (the
 * {@code room-controller} profile), its controller. {@link #accept} takes each stored message and
 * updates its sensor's latest reading; the room's sample is the hottest of its sensors whose latest
 * reading is at most the policy's sample age older than the message (the envelope is the hottest
 * inlet; a sensor that fell silent drops out). A {@link SampleWindow} per room keeps the last six
 * samples one sample interval apart, with the room's outdoor conditions and its setpoint.
 *
 * <p><b>Decisions on the room's schedule.</b> {@link #decideDue} (called by a timer, every few
 * seconds) decides for each room whose decision is due, at most once per decision interval (the
 * evaluation's five minutes), the first once the window could be full (five sample intervals after
 * the room's first sample, or one decision interval if that is later), so a restart does not send
 * the fallback to every room. A room that falls silent keeps being decided for: its window goes
 * stale and the policy holds and walks the setpoint toward the safe fallback, one bounded step per
 * decision, never in one jump.
 *
 * <p><b>Modes.</b> Each decision is made in the room's mode ({@link ControlMode}, from the {@code
 * modes} function): {@code off} makes none; {@code advisory} records it; {@code auto} records it
 * and sends it as a command to the room's controller. A room whose mode is not known (the control
 * store was never read) is recorded, not commanded. An operator's held setpoint is enforced where
 * commands are stored, not here: a recommendation for a held room is refused there.
 *
 * <p><b>Degraded input.</b> A weather-feed outage is degraded input, not a reason to fall back: a
 * message without outdoor conditions takes the room's last known ones for up to the outdoor hold
 * ({@code setpoint.analytics.recommender.outdoor-hold}, six hours by default); only beyond it, or
 * before any were known, does it give no sample (the model needs them), so the window goes stale
 * and the policy falls back, one bounded step per decision. A device whose clock is more than
 * {@link #MAX_CLOCK_SKEW} off the hub's is timed by the hub's receipt. The current setpoint is the
 * controller's last report; with no controller it is the last setpoint recommended for the room
 * here, else the policy's fallback (18 °C).
 *
 * <p><b>Rate of change.</b> Every decision's setpoint, after the policy, is kept within the room's
 * {@link ChangeRateLimit} (from the {@code maxChangePerHour} function: ASHRAE's 20 °C within any
 * hour, 5 °C for a room an operator marked as holding tape): the range of the setpoints the room
 * was at and was sent or recommended within the hour stays within it. A limited decision has the
 * reason {@code rate_limited} and no prediction (the model's was for the setpoint not sent); the
 * predictions had the current setpoint been kept, inlet and power, stay with it.
 *
 * <p><b>Power.</b> From a model with a power head, each decision records the predicted mean power
 * the setpoint can change (cooling plus server fans above idle) for the recommended setpoint and
 * for the current one, as the policy reports them; without one both are unknown (NaN).
 *
 * <p>Only devices whose name matches the scope pattern ({@code
 * setpoint.analytics.recommender.devices}, all by default) are recommended for; messages of other
 * devices are ignored (no room, no decision).
 */
public final class Recommender {
  private static final Logger LOG = Logger.getLogger(Recommender.class.getName());

  /** The resource commanded, and the reading that marks a device as a room's controller. */
  public static final String SETPOINT = "setpoint";

  static final String TEMPERATURE = "temperature";
  static final String HUMIDITY = "humidity";

  /** Stored as the model version when no model was loaded. */
  static final String NO_MODEL = "none";

  /** The scope that takes every device. */
  public static final Pattern ALL_DEVICES = Pattern.compile(".*");

  /** Every room in {@code auto}: for tests and tools without a control store. */
  public static final Function<String, Optional<ControlMode>> ALL_AUTO =
      room -> Optional.of(ControlMode.AUTO);

  /** No room runs a pilot. */
  public static final BiFunction<String, Instant, Optional<Double>> NO_PILOTS =
      (room, time) -> Optional.empty();

  private final SetpointPolicy policy;
  private final SetpointModel model;
  private final TimeSeriesStore store;
  private final CommandPublisher commands;
  private final Clock clock;
  private final Duration sampleInterval;
  private final Duration decisionInterval;
  private final Consumer<DeviceRecommendation> observer;
  private final Pattern devicesInScope;
  private final Duration outdoorHold;
  private final Function<String, Optional<ControlMode>> modes;
  private final BiFunction<String, Instant, Optional<Double>> pilots;
  private final ToDoubleFunction<String> maxChangePerHour;
  private final Map<String, RoomState> rooms = new ConcurrentHashMap<>();
  private volatile ServedRanges servedRanges;

  /**
   * How far a device's clock (an event's origin) may be from the edge hub's (its time of receipt)
   * before the window is timed by the hub's clock instead: a device a few minutes behind would
   * otherwise make every window look stale.
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

  /** How long a room's last known outdoor conditions stand in for missing ones by default. */
  public static final Duration DEFAULT_OUTDOOR_HOLD = Duration.ofHours(6);

  /**
   * @param observer told of every decision after it was stored (metrics)
   * @param devicesInScope the devices recommended for: those whose whole name matches ({@link
   *     #ALL_DEVICES}: every device)
   * @param outdoorHold how long after the last message with outdoor conditions those stand in for
   *     missing ones
   * @param modes each room's mode; empty when it is not known ({@link #ALL_AUTO}: every room in
   *     {@code auto})
   * @param maxChangePerHour each room's rate-of-change limit: the most its setpoint may change
   *     within any hour, °C
   * @param pilots the fixed setpoint a room's pilot commands at the time (its fixed arm's day), or
   *     empty ({@link #NO_PILOTS})
   */
  public Recommender(
      SetpointPolicy policy,
      SetpointModel model,
      TimeSeriesStore store,
      CommandPublisher commands,
      Clock clock,
      Duration sampleInterval,
      Duration decisionInterval,
      Consumer<DeviceRecommendation> observer,
      Pattern devicesInScope,
      Duration outdoorHold,
      Function<String, Optional<ControlMode>> modes,
      ToDoubleFunction<String> maxChangePerHour,
      BiFunction<String, Instant, Optional<Double>> pilots) {
    this.policy = policy;
    this.model = model;
    this.store = store;
    this.commands = commands;
    this.clock = clock;
    this.sampleInterval = sampleInterval;
    this.decisionInterval = decisionInterval;
    this.observer = observer;
    this.devicesInScope = devicesInScope;
    this.outdoorHold = outdoorHold;
    this.modes = modes;
    this.maxChangePerHour = maxChangePerHour;
    this.pilots = pilots;
  }

  /** A sensor's latest reading. */
  private record SensorReading(Instant time, double temperatureC, double humidityPct) {}

  private static final class RoomState {
    final SampleWindow window;
    Instant nextDecision;
    Double lastRecommendedC;
    String site;
    String controller;
    Double controllerSetpointC;
    final Map<String, SensorReading> sensors = new HashMap<>();
    final Set<String> clockOff = new HashSet<>();
    final Set<String> otherControllers = new HashSet<>();
    OutdoorConditions lastOutdoor;
    Instant lastOutdoorAt;
    Instant lastChangeAt;
    DeviceRecommendation last;
    DecisionInputs newestInputs = DecisionInputs.EMPTY;
    final ResidualBound bound = new ResidualBound();
    final OutdoorClimatology climatology = new OutdoorClimatology();
    final ChangeRateLimit rate;

    RoomState(SampleWindow window, Instant firstDecision, double stepC) {
      this.window = window;
      this.nextDecision = firstDecision;
      this.rate = new ChangeRateLimit(stepC);
    }
  }

  /**
   * Takes one stored message: its sensor's latest reading, its room's controller and setpoint, and
   * a new sample of the room when one is due. Makes no decision ({@link #decideDue} does).
   */
  public void accept(TelemetryMessage message) {
    if (!inScope(message.device())) {
      return;
    }
    Double temperature = reading(message, TEMPERATURE);
    Double setpoint = message.setpoint() != null ? message.setpoint() : reading(message, SETPOINT);
    if (temperature == null && setpoint == null) {
      return;
    }
    Instant now = clock.instant();
    String room = message.roomOrDevice();
    RoomState state =
        rooms.computeIfAbsent(
            room,
            r ->
                new RoomState(
                    new SampleWindow(sampleInterval), now.plus(fill()), policy.settings().stepC()));
    synchronized (state) {
      if (message.site() != null) {
        state.site = message.site();
      }
      if (setpoint != null) {
        if (state.controllerSetpointC == null && !state.window.samples().isEmpty()) {
          // The samples so far carry a setpoint the room may never have run at (the fallback):
          // start the window again with the controller's, and decide once it could be full.
          state.window.clear();
          state.nextDecision = later(state.nextDecision, now.plus(fill()));
        }
        controller(room, state, message.device(), setpoint);
      }
      if (temperature == null) {
        return;
      }
      Instant time = sampleTime(message, state);
      Double humidity = reading(message, HUMIDITY);
      state.sensors.put(
          message.device(),
          new SensorReading(time, temperature, humidity == null ? Double.NaN : humidity));
      List<SensorReading> fresh = fresh(state, time);
      SensorReading hottest =
          fresh.stream().max(Comparator.comparingDouble(SensorReading::temperatureC)).orElseThrow();
      Outdoor outdoor = outdoor(message, time, state);
      boolean kept =
          state.window.offer(
              new ClimateSample(
                  time,
                  hottest.temperatureC(),
                  hottest.humidityPct(),
                  outdoor.temperatureC(),
                  outdoor.humidityPct(),
                  outdoor.category(),
                  currentSetpoint(state)));
      if (kept) {
        state.newestInputs =
            new DecisionInputs(
                hottest.temperatureC(), outdoor.temperatureC(), outdoor.source(), fresh.size());
      }
      state.bound.observe(time, hottest.temperatureC());
    }
  }

  /** How long after a window starts its first decision comes: when it could be full. */
  private Duration fill() {
    Duration fill = sampleInterval.multipliedBy(FeatureLayout.WINDOW - 1);
    return fill.compareTo(decisionInterval) > 0 ? fill : decisionInterval;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The first device that reports a room's setpoint is its controller; another is logged. */
  private static void controller(String room, RoomState state, String device, double setpointC) {
    if (state.controller == null) {
      state.controller = device;
    } else if (!state.controller.equals(device)) {
      if (state.otherControllers.add(device)) {
        LOG.warning(
            "room "
                + room
                + " has two devices reporting a setpoint ("
                + state.controller
                + ", "
                + device
                + "); only "
                + state.controller
                + " is commanded");
      }
      return;
    }
    state.controllerSetpointC = setpointC;
  }

  /**
   * The sensors whose latest reading is at most the policy's sample age before {@code time}; the
   * sensor that just reported always counts.
   */
  private List<SensorReading> fresh(RoomState state, Instant time) {
    Instant oldest = time.minus(policy.settings().maxSampleAge());
    return state.sensors.values().stream().filter(r -> !r.time().isBefore(oldest)).toList();
  }

  /**
   * Decides for every room whose decision is due, in its mode; stores each decision and, in {@code
   * auto}, sends it to the room's controller.
   *
   * @return the decisions made
   */
  public List<DeviceRecommendation> decideDue() {
    Instant now = clock.instant();
    List<DeviceRecommendation> made = new ArrayList<>();
    for (Map.Entry<String, RoomState> entry : rooms.entrySet()) {
      RoomState state = entry.getValue();
      DeviceRecommendation decision;
      synchronized (state) {
        if (now.isBefore(state.nextDecision)) {
          continue;
        }
        state.nextDecision = now.plus(decisionInterval);
        Optional<ControlMode> mode = modes.apply(entry.getKey());
        if (mode.isPresent() && mode.get() == ControlMode.OFF) {
          continue;
        }
        decision = decide(entry.getKey(), state, now, mode);
        state.lastRecommendedC = decision.recommendedC();
        state.last = decision;
      }
      deliver(decision);
      made.add(decision);
    }
    return made;
  }

  private DeviceRecommendation decide(
      String room, RoomState state, Instant now, Optional<ControlMode> mode) {
    ClimateSample newest = state.window.newest();
    DeviceRecommendation last = state.last;
    boolean sent = last != null && last.commanded();
    double current =
        SetpointPolicy.roomSetpoint(
            newest,
            sent ? last.time() : null,
            sent ? last.recommendedC() : Double.NaN,
            state.lastRecommendedC != null
                ? state.lastRecommendedC
                : policy.settings().fallbackC());
    Optional<ModelInfo> info = model.info();
    TrainingRanges ranges = trainingRanges(info);
    double margin = state.bound.marginC(policy.settings().marginC());
    boolean auto = mode.isPresent() && mode.get() == ControlMode.AUTO;
    Optional<Double> pilotFixed = auto ? pilots.apply(room, now) : Optional.empty();
    Recommendation r =
        pilotFixed.isPresent()
            ? new Recommendation(pilotFixed.get(), Double.NaN, Reason.PILOT_FIXED)
            : policy.decide(state.window, now, model, state.lastChangeAt, ranges, margin, current);
    r = limitRate(room, state, now, current, r);
    if (newest != null && !r.reason().isFallback() && pilotFixed.isEmpty()) {
      state.bound.expect(newest.time(), r.predictedInletC(), margin, model.horizons().getLast());
    }
    if (r.reason() == Reason.OUT_OF_RANGE && ranges != null) {
      LOG.log(
          Level.INFO,
          "room {0}: {1}; the setpoint is held",
          new Object[] {room, ranges.outside(state.window.samples()).orElse("")});
    }
    if (Math.abs(r.setpointC() - current) > 1e-9) {
      state.lastChangeAt = now;
    }
    boolean commanded = auto && state.controller != null;
    return recorded(
        r,
        state.controller != null ? state.controller : room,
        state.site,
        now,
        info.map(ModelInfo::version).orElse(NO_MODEL),
        current,
        room,
        mode.map(ControlMode::code).orElse(DeviceRecommendation.MODE_UNKNOWN),
        margin,
        commanded,
        newest == null ? DecisionInputs.EMPTY : state.newestInputs);
  }

  /**
   * The policy's recommendation as it is recorded and, in {@code auto}, sent: with every prediction
   * it carries, inlet and power, for the recommended and for the current setpoint.
   */
  static DeviceRecommendation recorded(
      Recommendation r,
      String device,
      String site,
      Instant time,
      String modelVersion,
      double currentC,
      String room,
      String mode,
      double marginC,
      boolean commanded,
      DecisionInputs inputs) {
    return new DeviceRecommendation(
        device,
        site,
        time,
        r.setpointC(),
        r.predictedInletC(),
        modelVersion,
        r.reason().code(),
        currentC,
        r.predictedAtCurrentC(),
        r.predictedPowerKw(),
        r.predictedPowerAtCurrentKw(),
        room,
        mode,
        marginC,
        commanded,
        inputs);
  }

  /**
   * The policy's recommendation within the room's rate-of-change limit; the setpoint the room is at
   * and the one decided are remembered for the next decisions.
   */
  private Recommendation limitRate(
      String room, RoomState state, Instant now, double current, Recommendation r) {
    state.rate.record(now, current);
    ChangeRateLimit.Limited limited =
        state.rate.limit(now, r.setpointC(), maxChangePerHour.applyAsDouble(room));
    state.rate.record(now, limited.setpointC());
    return limited.limited() ? rateLimited(r, limited.setpointC()) : r;
  }

  /**
   * The policy's recommendation moved to {@code setpointC} by the rate limit: no prediction for it
   * (the model's were for the setpoint not sent), those for the current setpoint kept.
   */
  static Recommendation rateLimited(Recommendation r, double setpointC) {
    return r.moved(setpointC, Double.NaN, Reason.RATE_LIMITED);
  }

  /** The served model's training ranges, read from its metadata once per model version. */
  private TrainingRanges trainingRanges(Optional<ModelInfo> info) {
    if (info.isEmpty()) {
      return null;
    }
    ServedRanges served = servedRanges;
    if (served == null || !served.version().equals(info.get().version())) {
      served =
          new ServedRanges(
              info.get().version(),
              TrainingRanges.fromMetadata(info.get().metadata()).orElse(null));
      servedRanges = served;
    }
    return served.ranges();
  }

  /** A model version and its training ranges (null when its metadata has none). */
  private record ServedRanges(String version, TrainingRanges ranges) {}

  private void deliver(DeviceRecommendation decision) {
    try {
      store.write(decision);
    } catch (RuntimeException e) {
      // The command still goes out: the room needs it more than the history does.
      LOG.log(
          Level.WARNING,
          "could not store the recommendation for " + decision.room() + ": " + e.getMessage());
    }
    if (decision.commanded()) {
      CommandMessage command =
          new CommandMessage(
              CommandMessage.SCHEMA_VERSION,
              UUID.randomUUID().toString(),
              decision.device(),
              SETPOINT,
              Double.toString(decision.recommendedC()),
              CommandSource.RECOMMENDER,
              decision.time().toEpochMilli(),
              decision.reason(),
              decision.modelVersion());
      try {
        commands
            .publish(command)
            .whenComplete(
                (ok, failure) -> {
                  if (failure != null) {
                    LOG.warning(
                        "command "
                            + command.commandId()
                            + " for "
                            + command.device()
                            + " was not sent: "
                            + failure.getMessage());
                  }
                });
      } catch (RuntimeException e) {
        LOG.warning("could not send the command for " + decision.device() + ": " + e);
      }
    }
    observer.accept(decision);
  }

  /** What is known of the room now, or empty for a room no in-scope device reported for. */
  public Optional<RoomSnapshot> room(String room) {
    RoomState state = rooms.get(room);
    if (state == null) {
      return Optional.empty();
    }
    synchronized (state) {
      List<RoomSnapshot.Sensor> sensors = new ArrayList<>();
      state.sensors.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  sensors.add(
                      new RoomSnapshot.Sensor(
                          e.getKey(), e.getValue().time(), e.getValue().temperatureC())));
      return Optional.of(
          new RoomSnapshot(
              room,
              state.site,
              state.controller,
              state.controllerSetpointC,
              List.copyOf(sensors),
              state.last,
              state.bound.checked(),
              state.bound.covered()));
    }
  }

  /** The names of the rooms known here, sorted. */
  public List<String> roomNames() {
    return rooms.keySet().stream().sorted().toList();
  }

  private double currentSetpoint(RoomState state) {
    if (state.controllerSetpointC != null) {
      return state.controllerSetpointC;
    }
    return state.lastRecommendedC != null ? state.lastRecommendedC : policy.settings().fallbackC();
  }

  /** A sample's outdoor conditions and where they came from (NaN and category 0: none). */
  private record Outdoor(double temperatureC, double humidityPct, int category, String source) {
    static final Outdoor NONE = new Outdoor(Double.NaN, Double.NaN, 0, DecisionInputs.NONE);
  }

  /**
   * The message's outdoor conditions when complete (then remembered, and learnt into the room's
   * climatology); else the room's last known ones if at most the outdoor hold older than the
   * message; else the room's usual conditions at that hour of the day, once it has seen that hour
   * (with the last known weather category); else none.
   */
  private Outdoor outdoor(TelemetryMessage message, Instant time, RoomState state) {
    OutdoorConditions outdoor = message.outdoor();
    if (outdoor != null && outdoor.temperature() != null && outdoor.humidity() != null) {
      state.lastOutdoor = outdoor;
      state.lastOutdoorAt = time;
      state.climatology.observe(time, outdoor.temperature(), outdoor.humidity());
      return of(outdoor, DecisionInputs.REPORTED);
    }
    if (state.lastOutdoor == null) {
      return Outdoor.NONE;
    }
    if (Duration.between(state.lastOutdoorAt, time).compareTo(outdoorHold) <= 0) {
      return of(state.lastOutdoor, DecisionInputs.HELD);
    }
    int category = state.lastOutdoor.category() == null ? 0 : state.lastOutdoor.category();
    return state
        .climatology
        .at(time)
        .map(usual -> new Outdoor(usual[0], usual[1], category, DecisionInputs.CLIMATOLOGY))
        .orElse(Outdoor.NONE);
  }

  private static Outdoor of(OutdoorConditions o, String source) {
    return new Outdoor(
        o.temperature(), o.humidity(), o.category() == null ? 0 : o.category(), source);
  }

  /**
   * When the sample was taken: the event's origin (the device's clock), unless the hub received it
   * more than {@link #MAX_CLOCK_SKEW} away from that, in which case the device's clock is off and
   * the hub's time of receipt is used (logged once each time a device's clock goes off). A message
   * without a time of receipt (schema 1 and 2) is timed by its origin.
   */
  private Instant sampleTime(TelemetryMessage message, RoomState state) {
    Instant origin = Instant.ofEpochSecond(0, message.origin());
    if (message.receivedAt() == null) {
      return origin;
    }
    Instant received = Instant.ofEpochMilli(message.receivedAt());
    Duration skew = Duration.between(received, origin);
    if (skew.abs().compareTo(MAX_CLOCK_SKEW) <= 0) {
      state.clockOff.remove(message.device());
      return origin;
    }
    if (state.clockOff.add(message.device())) {
      LOG.warning(
          "the clock of device "
              + message.device()
              + " is "
              + skew.toSeconds()
              + " s off the edge hub's; its samples are timed by the hub's receipt until it agrees");
    }
    return received;
  }

  private static Double reading(TelemetryMessage message, String resource) {
    if (message.readings() == null) {
      return null;
    }
    for (TelemetryReading r : message.readings()) {
      if (r != null && resource.equals(r.resource())) {
        return r.value();
      }
    }
    return null;
  }

  /**
   * Whether the device's messages are recommended for ({@code
   * setpoint.analytics.recommender.devices}).
   */
  boolean inScope(String device) {
    return devicesInScope.matcher(device).matches();
  }

  /** Rooms with a window, for health and tests. */
  public int roomCount() {
    return rooms.size();
  }

  /** The sample interval of the windows. */
  public Duration sampleInterval() {
    return sampleInterval;
  }
}
