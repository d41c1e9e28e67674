package dev.setpoint.device;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.actuator.SetpointGuard;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.TokenStore;
import dev.setpoint.device.meter.Meter;
import dev.setpoint.device.meter.MeterException;
import dev.setpoint.device.meter.MeterReading;
import dev.setpoint.device.sensor.Climate;
import dev.setpoint.device.sensor.Sensor;
import dev.setpoint.device.sensor.SensorException;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's agent. Each {@link #tick} of a room's controller: read the device's setpoint through
 * Core Command and pass it through the {@link SetpointGuard}, sample the sensor, let the actuator
 * see the temperature, and post the {@code climate} event (or buffer it) with temperature, humidity
 * and the setpoint in effect. That setpoint reading is the acknowledgement of a command: it is the
 * one applied, so a refused command never shows in it. When a sample fails, an event with the
 * setpoint alone still reports a change of it. A controller with an energy {@link Meter} reads it
 * after the sample and adds the cooling's power and energy counter (and the IT load's, where the
 * meter reads them, and the servers' compute load, where the meter knows it) to the same event,
 * also to the setpoint's event of a failed sample, since the meter does not depend on the climate
 * sensor; a meter that gives no reading leaves them out and never holds the event back. A room's
 * sensor-only device (profile {@code room-sensor}, no {@link Control}, no meter) only samples and
 * posts temperature and humidity: it never reads or applies a command. {@link #run} repeats it
 * every interval and resends buffered events in between.
 */
public final class DeviceAgent implements Runnable {
  private static final Logger LOG = Logger.getLogger(DeviceAgent.class.getName());

  /** The cooling's active electric power, kW (profile {@code room-controller}). */
  public static final String COOLING_POWER = "cooling_power";

  /** The cooling's imported active energy counter, kWh. */
  public static final String COOLING_ENERGY = "cooling_energy";

  /** The IT load's active power, kW. */
  public static final String IT_POWER = "it_power";

  /**
   * The servers' compute load, kW: IT power less the server fans' power above idle, where the IT
   * side reports it (a simulated room does; a Modbus meter cannot).
   */
  public static final String COMPUTE_POWER = "compute_power";

  /** The IT load's energy counter, kWh. */
  public static final String IT_ENERGY = "it_energy";

  private final DeviceIdentity id;
  private final Sensor sensor;
  private final Control control; // null for a sensor-only device
  private final Meter meter; // null without a meter
  private final Outbox outbox;
  private final IngestClient ingest;
  private final TokenStore tokens;
  private final Jsonb jsonb;
  private final Clock clock;
  private final Duration interval;
  private final String eventPath;
  private double reportedSetpoint = Double.NaN;
  private boolean commandReadFailing;
  private long samples;
  private long sensorFailures;
  private long meterReadings;
  private long meterFailures;
  private long meterFailureStreak;

  /**
   * The command side of a room's controller: the actuator the commanded setpoint drives, behind the
   * guard that keeps it inside the safe range.
   */
  public record Control(Actuator actuator, SetpointGuard guard) {}

  /**
   * @param control the command side: present exactly when the identity {@link
   *     DeviceIdentity#controls() controls} its room
   * @param meter the room's energy meter, a controller's only (the {@code room-sensor} profile has
   *     no energy resources); the caller closes it
   */
  public DeviceAgent(
      DeviceIdentity id,
      Sensor sensor,
      Optional<Control> control,
      Optional<Meter> meter,
      Outbox outbox,
      IngestClient ingest,
      TokenStore tokens,
      Clock clock,
      Duration interval) {
    if (control.isPresent() != id.controls()) {
      throw new IllegalArgumentException(
          id.name()
              + ": a "
              + id.profile()
              + (id.controls() ? " needs an actuator" : " has no actuator"));
    }
    if (meter.isPresent() && !id.controls()) {
      throw new IllegalArgumentException(id.name() + ": a " + id.profile() + " has no meter");
    }
    this.id = id;
    this.sensor = sensor;
    this.control = control.orElse(null);
    this.meter = meter.orElse(null);
    this.outbox = outbox;
    this.ingest = ingest;
    this.tokens = tokens;
    this.jsonb = ingest.jsonb();
    this.clock = clock;
    this.interval = interval;
    this.eventPath =
        IngestClient.eventPath(id.service(), id.profile(), id.name(), DeviceIdentity.SOURCE);
  }

  /**
   * One round: read the command, apply it, sample, read the meter, post with the setpoint in
   * effect; a sensor-only device samples and posts.
   */
  public void tick() throws InterruptedException {
    if (control != null) {
      readCommand();
    }
    Instant now = clock.instant();
    double setpoint = control == null ? Double.NaN : control.guard().applied();
    Climate climate;
    try {
      climate = sensor.read();
      samples++;
      if (control != null) {
        control.actuator().observe(climate.temperature());
      }
    } catch (SensorException e) {
      sensorFailures++;
      LOG.warning(() -> id.name() + ": sample skipped: " + e.getMessage());
      climate = null;
    }
    Optional<MeterReading> energy = readMeter();
    if (climate != null) {
      outbox.submit(id.name(), eventPath, climateEvent(climate, setpoint, energy, now));
      reportedSetpoint = setpoint;
    } else if (control != null && (setpoint != reportedSetpoint || energy.isPresent())) {
      outbox.submit(id.name(), eventPath, setpointEvent(setpoint, energy, now));
      reportedSetpoint = setpoint;
    }
  }

  /**
   * The meter's reading, or empty without a meter or when it gave none. A failure is counted every
   * time and logged once per streak, with its reason; a refused counter (reset or jump) each time,
   * since the reader takes the new value as its baseline and the next reading is good again.
   */
  private Optional<MeterReading> readMeter() {
    if (meter == null) {
      return Optional.empty();
    }
    try {
      MeterReading reading = meter.read();
      meterReadings++;
      answersAgain();
      return Optional.of(reading);
    } catch (MeterException e) {
      meterFailures++;
      switch (e.reason()) {
        case COUNTER_RESET, COUNTER_JUMP -> {
          answersAgain(); // it answered, with a counter that broke
          LOG.warning(
              () ->
                  id.name()
                      + ": meter reading refused, this event goes without energy readings: "
                      + e.getMessage());
        }
        default -> {
          if (meterFailureStreak++ == 0) {
            LOG.warning(
                () ->
                    id.name()
                        + ": "
                        + meter.describe()
                        + " gave no reading, events go without energy readings until it does: "
                        + e.getMessage());
          }
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      // A bug in the reader or its library: the climate and the setpoint must still go out.
      meterFailures++;
      if (meterFailureStreak++ == 0) {
        LOG.log(
            Level.WARNING,
            id.name() + ": " + meter.describe() + " failed, events go without energy readings",
            e);
      }
      return Optional.empty();
    }
  }

  private void answersAgain() {
    if (meterFailureStreak > 0) {
      long failed = meterFailureStreak;
      LOG.info(
          () -> id.name() + ": the meter answers again after " + failed + " failed reading(s)");
      meterFailureStreak = 0;
    }
  }

  private void readCommand() throws InterruptedException {
    Optional<String> token = tokens.get(id.name());
    if (token.isEmpty()) {
      return;
    }
    try {
      Optional<String> commanded =
          ingest.readCommand(id.name(), DeviceIdentity.SETPOINT, token.get());
      commanded.ifPresent(control.guard()::offer);
      if (commandReadFailing) {
        LOG.info(() -> id.name() + ": Core Command answers again");
        commandReadFailing = false;
      }
    } catch (IOException e) {
      // The setpoint in effect stays; the next tick asks again.
      if (!commandReadFailing) {
        LOG.warning(() -> id.name() + ": cannot read its setpoint: " + e.getMessage());
        commandReadFailing = true;
      }
    }
  }

  /**
   * The event of a sample: with the setpoint in effect from a controller, without from a sensor,
   * and with the meter's readings when there are any.
   */
  String climateEvent(Climate climate, double setpoint, Optional<MeterReading> energy, Instant at) {
    BigInteger origin = nanos(at);
    List<Reading> readings = new ArrayList<>(8);
    readings.add(reading(origin, "temperature", decimal(climate.temperature()), "°C"));
    readings.add(reading(origin, "humidity", decimal(climate.humidity()), "%RH"));
    if (control != null) {
      readings.add(reading(origin, DeviceIdentity.SETPOINT, decimal(setpoint), "°C"));
    }
    energy.ifPresent(r -> addEnergy(readings, origin, r));
    return event(origin, readings);
  }

  /** The event of a failed sample: the setpoint in effect, and the meter's readings if any. */
  String setpointEvent(double setpoint, Optional<MeterReading> energy, Instant at) {
    BigInteger origin = nanos(at);
    List<Reading> readings = new ArrayList<>(6);
    readings.add(reading(origin, DeviceIdentity.SETPOINT, decimal(setpoint), "°C"));
    energy.ifPresent(r -> addEnergy(readings, origin, r));
    return event(origin, readings);
  }

  /**
   * The quantities the meter read, in kW and kWh to the watt and watt-hour. A power within the
   * reader's small negative tolerance (a CT's phase error at idle) is reported as 0: the profile's
   * minimum is 0, and ingest refuses a whole event with a reading below it.
   */
  private void addEnergy(List<Reading> readings, BigInteger origin, MeterReading r) {
    if (r.hasPower()) {
      readings.add(reading(origin, COOLING_POWER, energyDecimal(r.powerKw()), "kW"));
    }
    if (r.hasEnergy()) {
      readings.add(reading(origin, COOLING_ENERGY, energyDecimal(r.energyKwh()), "kWh"));
    }
    r.itPowerKw().ifPresent(kw -> readings.add(reading(origin, IT_POWER, energyDecimal(kw), "kW")));
    r.computePowerKw()
        .ifPresent(kw -> readings.add(reading(origin, COMPUTE_POWER, energyDecimal(kw), "kW")));
    r.itEnergyKwh()
        .ifPresent(kwh -> readings.add(reading(origin, IT_ENERGY, energyDecimal(kwh), "kWh")));
  }

  private String event(BigInteger origin, List<Reading> readings) {
    Event event =
        new Event(
            ApiVersion.V3,
            UUID.randomUUID().toString(),
            id.name(),
            id.profile(),
            DeviceIdentity.SOURCE,
            origin,
            readings,
            null);
    return jsonb.toJson(new AddEventRequest(ApiVersion.V3, null, event));
  }

  private Reading reading(BigInteger origin, String resource, String value, String units) {
    return new Reading(
        null, origin, id.name(), resource, id.profile(), "Float64", value, units, null);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Three decimals: a counter's increment over one interval is often a few watt-hours. */
  private static String energyDecimal(double value) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0.0, value));
  }

  private static BigInteger nanos(Instant at) {
    return BigInteger.valueOf(at.getEpochSecond())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(at.getNano()));
  }

  /** Ticks every interval until interrupted, resending buffered events in between. */
  @Override
  public void run() {
    Instant next = clock.instant();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Instant now = clock.instant();
        if (!now.isBefore(next)) {
          tick();
          next = next.plus(interval);
          if (next.isBefore(now)) {
            next = now.plus(interval); // fell behind (suspend, slow ingest): do not catch up
          }
        }
        outbox.flush(now.plus(interval.dividedBy(2)));
        Instant wake = next;
        Instant retry = outbox.nextAttempt();
        if (outbox.buffered() > 0 && retry.isAfter(Instant.MIN) && retry.isBefore(wake)) {
          wake = retry;
        }
        Duration sleep = Duration.between(clock.instant(), wake);
        if (!sleep.isNegative() && !sleep.isZero()) {
          Thread.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, id.name() + ": agent stopped", e);
      throw e;
    }
  }

  public DeviceIdentity identity() {
    return id;
  }

  public Outbox outbox() {
    return outbox;
  }

  /**
   * The guard of a controller's setpoint.
   *
   * @throws IllegalStateException for a sensor-only device, which applies no setpoint
   */
  public SetpointGuard guard() {
    if (control == null) {
      throw new IllegalStateException(id.name() + " is a " + id.profile() + ": it has no setpoint");
    }
    return control.guard();
  }

  public long samples() {
    return samples;
  }

  public long sensorFailures() {
    return sensorFailures;
  }

  /** Readings the meter gave (0 without a meter). */
  public long meterReadings() {
    return meterReadings;
  }

  /** Readings the meter did not give or the reader refused, each leaving an event without them. */
  public long meterFailures() {
    return meterFailures;
  }
}
