package dev.setpoint.analytics.application;

import dev.setpoint.analytics.domain.CommandPublisher;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.Recommendation;
import dev.setpoint.model.recommend.ResidualBound;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Turns each device's stored telemetry into setpoint recommendations with the shared {@link
 * SetpointPolicy} and the served {@link SetpointModel}.
 *
 * <p>Per device, a {@link SampleWindow} keeps the last six samples one sample interval apart. A
 * sample is the message's {@code temperature} and {@code humidity} readings, its outdoor conditions
 * and its setpoint. A weather-feed outage is degraded input, not a reason to fall back: a message
 * without outdoor conditions takes the device's last known ones for up to the outdoor hold ({@code
 * setpoint.analytics.recommender.outdoor-hold}, six hours by default); only beyond it, or before
 * any were known, does it give no sample (the model needs them), so the window goes stale and the
 * policy falls back, one bounded step per decision. The current setpoint is the message's; when the
 * device reports none it is the last setpoint recommended for it here, else the policy's fallback
 * (18 °C), so the window never holds a made-up value the room did not run at for longer than one
 * decision.
 *
 * <p>Decisions are made at most once per decision interval per device (the evaluation's five
 * minutes), the first once the window could be full (five sample intervals after the device's first
 * sample, or one decision interval if that is later), so a restart does not send the fallback to
 * every room. Each decision is written to the time-series store, and, for a device that reports a
 * {@code setpoint} reading, published as a command: analytics does not know profiles, and a device
 * that reports its setpoint is one whose setpoint can be set (the {@code room-controller} profile);
 * the relay still checks the command against the device's profile and refuses one that does not
 * fit.
 *
 * <p>Only devices whose name matches the scope pattern ({@code
 * setpoint.analytics.recommender.devices}, all by default) are recommended for, so rooms can be put
 * under recommendation one at a time while the others keep their own setpoint; messages of other
 * devices are ignored (no window, no decision).
 */
public final class Recommender {
  private static final Logger LOG = Logger.getLogger(Recommender.class.getName());

  /** The resource commanded, and the reading that marks a device as commandable. */
  public static final String SETPOINT = "setpoint";

  static final String TEMPERATURE = "temperature";
  static final String HUMIDITY = "humidity";

  /** Stored as the model version when no model was loaded. */
  static final String NO_MODEL = "none";

  /** The scope that takes every device. */
  public static final Pattern ALL_DEVICES = Pattern.compile(".*");

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
  private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
  private volatile ServedRanges servedRanges;

  /**
   * How far a device's clock (an event's origin) may be from the edge hub's (its time of receipt)
   * before the window is timed by the hub's clock instead: a device a few minutes behind would
   * otherwise make every window look stale.
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

  /** How long a device's last known outdoor conditions stand in for missing ones by default. */
  public static final Duration DEFAULT_OUTDOOR_HOLD = Duration.ofHours(6);

  /** A recommender for every device. */
  public Recommender(
      SetpointPolicy policy,
      SetpointModel model,
      TimeSeriesStore store,
      CommandPublisher commands,
      Clock clock,
      Duration sampleInterval,
      Duration decisionInterval,
      Consumer<DeviceRecommendation> observer) {
    this(
        policy,
        model,
        store,
        commands,
        clock,
        sampleInterval,
        decisionInterval,
        observer,
        ALL_DEVICES,
        DEFAULT_OUTDOOR_HOLD);
  }

  /**
   * @param observer told of every decision after it was stored (metrics)
   * @param devicesInScope the devices recommended for: those whose whole name matches
   * @param outdoorHold how long after the last message with outdoor conditions those stand in for
   *     missing ones
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
      Duration outdoorHold) {
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
  }

  private static final class DeviceState {
    final SampleWindow window;
    final Instant firstDecision;
    Instant nextDecision;
    Double lastRecommendedC;
    boolean reportsSetpoint;
    String site;
    OutdoorConditions lastOutdoor;
    Instant lastOutdoorAt;
    boolean clockOff;
    Instant lastChangeAt;
    final ResidualBound bound = new ResidualBound();

    DeviceState(SampleWindow window, Instant firstDecision) {
      this.window = window;
      this.firstDecision = firstDecision;
      this.nextDecision = firstDecision;
    }
  }

  /**
   * Takes one stored message; decides when the device's next decision is due.
   *
   * @return the decision made, or empty when none was due, the device is not in scope or the
   *     message has no indoor temperature
   */
  public Optional<DeviceRecommendation> accept(TelemetryMessage message) {
    if (!inScope(message.device())) {
      return Optional.empty();
    }
    Double temperature = reading(message, TEMPERATURE);
    if (temperature == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    DeviceState state =
        devices.computeIfAbsent(
            message.device(),
            d -> {
              Duration fill = sampleInterval.multipliedBy(FeatureLayout.WINDOW - 1);
              return new DeviceState(
                  new SampleWindow(sampleInterval),
                  now.plus(fill.compareTo(decisionInterval) > 0 ? fill : decisionInterval));
            });
    DeviceRecommendation decision;
    synchronized (state) {
      if (message.site() != null) {
        state.site = message.site();
      }
      boolean reported = message.setpoint() != null || reading(message, SETPOINT) != null;
      state.reportsSetpoint |= reported;
      Instant time = sampleTime(message, state);
      state.window.offer(
          sample(
              message,
              time,
              temperature,
              currentSetpoint(message, state),
              outdoor(message, time, state)));
      state.bound.observe(time, temperature);
      if (now.isBefore(state.nextDecision)) {
        return Optional.empty();
      }
      decision = decide(message.device(), state, now);
      state.nextDecision = now.plus(decisionInterval);
      state.lastRecommendedC = decision.recommendedC();
    }
    deliver(decision, state.reportsSetpoint);
    return Optional.of(decision);
  }

  private DeviceRecommendation decide(String device, DeviceState state, Instant now) {
    ClimateSample newest = state.window.newest();
    double current =
        newest != null
            ? newest.setpointC()
            : state.lastRecommendedC != null
                ? state.lastRecommendedC
                : policy.settings().fallbackC();
    Optional<ModelInfo> info = model.info();
    TrainingRanges ranges = trainingRanges(info);
    double margin = state.bound.marginC(policy.settings().marginC());
    Recommendation r = policy.decide(state.window, now, model, state.lastChangeAt, ranges, margin);
    if (newest != null && !r.reason().isFallback()) {
      state.bound.expect(newest.time(), r.predictedInletC());
    }
    if (r.reason() == Reason.OUT_OF_RANGE && ranges != null) {
      LOG.log(
          Level.INFO,
          "device {0}: {1}; the setpoint is held",
          new Object[] {device, ranges.outside(state.window.samples()).orElse("")});
    }
    if (Math.abs(r.setpointC() - current) > 1e-9) {
      state.lastChangeAt = now;
    }
    return new DeviceRecommendation(
        device,
        state.site,
        now,
        r.setpointC(),
        r.predictedInletC(),
        info.map(ModelInfo::version).orElse(NO_MODEL),
        r.reason().code(),
        current,
        r.predictedAtCurrentC());
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

  private void deliver(DeviceRecommendation decision, boolean commandable) {
    try {
      store.write(decision);
    } catch (RuntimeException e) {
      // The command still goes out: the room needs it more than the history does.
      LOG.log(
          Level.WARNING,
          "could not store the recommendation for " + decision.device() + ": " + e.getMessage());
    }
    if (commandable) {
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

  private double currentSetpoint(TelemetryMessage message, DeviceState state) {
    if (message.setpoint() != null) {
      return message.setpoint();
    }
    Double reported = reading(message, SETPOINT);
    if (reported != null) {
      return reported;
    }
    return state.lastRecommendedC != null ? state.lastRecommendedC : policy.settings().fallbackC();
  }

  /**
   * The message's outdoor conditions when complete (then remembered), else the device's last known
   * ones if at most the outdoor hold older than the message, else null.
   */
  private OutdoorConditions outdoor(TelemetryMessage message, Instant time, DeviceState state) {
    OutdoorConditions outdoor = message.outdoor();
    if (outdoor != null && outdoor.temperature() != null && outdoor.humidity() != null) {
      state.lastOutdoor = outdoor;
      state.lastOutdoorAt = time;
      return outdoor;
    }
    if (state.lastOutdoor != null
        && Duration.between(state.lastOutdoorAt, time).compareTo(outdoorHold) <= 0) {
      return state.lastOutdoor;
    }
    return null;
  }

  /**
   * When the sample was taken: the event's origin (the device's clock), unless the hub received it
   * more than {@link #MAX_CLOCK_SKEW} away from that, in which case the device's clock is off and
   * the hub's time of receipt is used (logged once each time a device's clock goes off). A message
   * without a time of receipt (schema 1 and 2) is timed by its origin.
   */
  private Instant sampleTime(TelemetryMessage message, DeviceState state) {
    Instant origin = Instant.ofEpochSecond(0, message.origin());
    if (message.receivedAt() == null) {
      return origin;
    }
    Instant received = Instant.ofEpochMilli(message.receivedAt());
    Duration skew = Duration.between(received, origin);
    if (skew.abs().compareTo(MAX_CLOCK_SKEW) <= 0) {
      state.clockOff = false;
      return origin;
    }
    if (!state.clockOff) {
      state.clockOff = true;
      LOG.warning(
          "the clock of device "
              + message.device()
              + " is "
              + skew.toSeconds()
              + " s off the edge hub's; its samples are timed by the hub's receipt until it agrees");
    }
    return received;
  }

  private static ClimateSample sample(
      TelemetryMessage message,
      Instant time,
      double temperature,
      double sp,
      OutdoorConditions outdoor) {
    Double humidity = reading(message, HUMIDITY);
    return new ClimateSample(
        time,
        temperature,
        humidity == null ? Double.NaN : humidity,
        outdoor == null || outdoor.temperature() == null ? Double.NaN : outdoor.temperature(),
        outdoor == null || outdoor.humidity() == null ? Double.NaN : outdoor.humidity(),
        outdoor == null || outdoor.category() == null ? 0 : outdoor.category(),
        sp);
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

  /** Devices with a window, for health and tests. */
  public int deviceCount() {
    return devices.size();
  }

  /** The sample interval of the windows. */
  public Duration sampleInterval() {
    return sampleInterval;
  }
}
