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
 * setpoint alone still reports a change of it. A room's sensor-only device (profile {@code
 * room-sensor}, no {@link Control}) only samples and posts temperature and humidity: it never reads
 * or applies a command. {@link #run} repeats it every interval and resends buffered events in
 * between.
 */
public final class DeviceAgent implements Runnable {
  private static final Logger LOG = Logger.getLogger(DeviceAgent.class.getName());

  private final DeviceIdentity id;
  private final Sensor sensor;
  private final Control control; // null for a sensor-only device
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

  /**
   * The command side of a room's controller: the actuator the commanded setpoint drives, behind the
   * guard that keeps it inside the safe range.
   */
  public record Control(Actuator actuator, SetpointGuard guard) {}

  /**
   * @param control the command side: present exactly when the identity {@link
   *     DeviceIdentity#controls() controls} its room
   */
  public DeviceAgent(
      DeviceIdentity id,
      Sensor sensor,
      Optional<Control> control,
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
    this.id = id;
    this.sensor = sensor;
    this.control = control.orElse(null);
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
   * One round: read the command, apply it, sample, post with the setpoint in effect; a sensor-only
   * device samples and posts.
   */
  public void tick() throws InterruptedException {
    if (control != null) {
      readCommand();
    }
    Instant now = clock.instant();
    double setpoint = control == null ? Double.NaN : control.guard().applied();
    try {
      Climate climate = sensor.read();
      samples++;
      if (control != null) {
        control.actuator().observe(climate.temperature());
      }
      outbox.submit(id.name(), eventPath, climateEvent(climate, setpoint, now));
      reportedSetpoint = setpoint;
    } catch (SensorException e) {
      sensorFailures++;
      LOG.warning(() -> id.name() + ": sample skipped: " + e.getMessage());
      if (control != null && setpoint != reportedSetpoint) {
        outbox.submit(id.name(), eventPath, setpointEvent(setpoint, now));
        reportedSetpoint = setpoint;
      }
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
   * The event of a sample: with the setpoint in effect from a controller, without from a sensor.
   */
  String climateEvent(Climate climate, double setpoint, Instant at) {
    BigInteger origin = nanos(at);
    List<Reading> readings = new ArrayList<>(3);
    readings.add(reading(origin, "temperature", decimal(climate.temperature()), "°C"));
    readings.add(reading(origin, "humidity", decimal(climate.humidity()), "%RH"));
    if (control != null) {
      readings.add(reading(origin, DeviceIdentity.SETPOINT, decimal(setpoint), "°C"));
    }
    return event(origin, readings);
  }

  String setpointEvent(double setpoint, Instant at) {
    BigInteger origin = nanos(at);
    return event(
        origin, List.of(reading(origin, DeviceIdentity.SETPOINT, decimal(setpoint), "°C")));
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
}
