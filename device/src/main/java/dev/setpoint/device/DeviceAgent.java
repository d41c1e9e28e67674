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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One room's agent. Each {@link #tick}: sample the sensor, let the actuator see the temperature,
 * post the climate event (or buffer it), read the air conditioner's setpoint through Core Command,
 * pass it through the {@link SetpointGuard}, and report the applied setpoint and mode as the air
 * conditioner's {@code status} event when they changed (or every {@code statusEvery} ticks). That
 * status event is the acknowledgement: the setpoint in it is the one in effect. {@link #run}
 * repeats it every interval and resends buffered events in between.
 */
public final class DeviceAgent implements Runnable {
  private static final Logger LOG = Logger.getLogger(DeviceAgent.class.getName());

  private final DeviceIdentity id;
  private final Sensor sensor;
  private final Actuator actuator;
  private final SetpointGuard guard;
  private final Outbox outbox;
  private final IngestClient ingest;
  private final TokenStore tokens;
  private final Jsonb jsonb;
  private final Clock clock;
  private final Duration interval;
  private final int statusEvery;
  private final String climatePath;
  private final String statusPath;
  private String reportedStatus;
  private int ticksSinceStatus;
  private boolean commandReadFailing;
  private long samples;
  private long sensorFailures;

  public DeviceAgent(
      DeviceIdentity id,
      Sensor sensor,
      Actuator actuator,
      SetpointGuard guard,
      Outbox outbox,
      IngestClient ingest,
      TokenStore tokens,
      Clock clock,
      Duration interval,
      int statusEvery) {
    this.id = id;
    this.sensor = sensor;
    this.actuator = actuator;
    this.guard = guard;
    this.outbox = outbox;
    this.ingest = ingest;
    this.tokens = tokens;
    this.jsonb = ingest.jsonb();
    this.clock = clock;
    this.interval = interval;
    this.statusEvery = Math.max(1, statusEvery);
    this.climatePath =
        IngestClient.eventPath(
            id.service(), DeviceIdentity.SENSOR_PROFILE, id.sensor(), DeviceIdentity.SENSOR_SOURCE);
    this.statusPath =
        IngestClient.eventPath(
            id.service(),
            DeviceIdentity.AC_PROFILE,
            id.airConditioner(),
            DeviceIdentity.AC_STATUS_SOURCE);
  }

  /** One round: sample, post, read the command, apply, acknowledge. */
  public void tick() throws InterruptedException {
    Instant now = clock.instant();
    try {
      Climate climate = sensor.read();
      samples++;
      actuator.observe(climate.temperature());
      outbox.submit(id.sensor(), climatePath, climateEvent(climate, now));
    } catch (SensorException e) {
      sensorFailures++;
      LOG.warning(() -> id.sensor() + ": sample skipped: " + e.getMessage());
    }
    readCommand();
    String status = statusKey();
    if (!status.equals(reportedStatus) || ++ticksSinceStatus >= statusEvery) {
      outbox.submit(id.airConditioner(), statusPath, statusEvent(now));
      reportedStatus = status;
      ticksSinceStatus = 0;
    }
  }

  private void readCommand() throws InterruptedException {
    Optional<String> token = tokens.get(id.airConditioner());
    if (token.isEmpty()) {
      return;
    }
    try {
      Optional<String> commanded =
          ingest.readCommand(id.airConditioner(), DeviceIdentity.AC_SETPOINT, token.get());
      commanded.ifPresent(guard::offer);
      if (commandReadFailing) {
        LOG.info(() -> id.airConditioner() + ": Core Command answers again");
        commandReadFailing = false;
      }
    } catch (IOException e) {
      // The setpoint in effect stays; the next tick asks again.
      if (!commandReadFailing) {
        LOG.warning(() -> id.airConditioner() + ": cannot read its setpoint: " + e.getMessage());
        commandReadFailing = true;
      }
    }
  }

  private String statusKey() {
    return guard.applied() + "/" + actuator.mode();
  }

  String climateEvent(Climate climate, Instant at) {
    BigInteger origin = nanos(at);
    return event(
        id.sensor(),
        DeviceIdentity.SENSOR_PROFILE,
        DeviceIdentity.SENSOR_SOURCE,
        origin,
        List.of(
            reading(
                id.sensor(),
                DeviceIdentity.SENSOR_PROFILE,
                origin,
                "temperature",
                "Float64",
                decimal(climate.temperature()),
                "°C"),
            reading(
                id.sensor(),
                DeviceIdentity.SENSOR_PROFILE,
                origin,
                "humidity",
                "Float64",
                decimal(climate.humidity()),
                "%RH")));
  }

  String statusEvent(Instant at) {
    BigInteger origin = nanos(at);
    return event(
        id.airConditioner(),
        DeviceIdentity.AC_PROFILE,
        DeviceIdentity.AC_STATUS_SOURCE,
        origin,
        List.of(
            reading(
                id.airConditioner(),
                DeviceIdentity.AC_PROFILE,
                origin,
                DeviceIdentity.AC_SETPOINT,
                "Float64",
                decimal(guard.applied()),
                "°C"),
            reading(
                id.airConditioner(),
                DeviceIdentity.AC_PROFILE,
                origin,
                "mode",
                "String",
                actuator.mode(),
                null)));
  }

  private String event(
      String device, String profile, String source, BigInteger origin, List<Reading> readings) {
    Event event =
        new Event(
            ApiVersion.V3,
            UUID.randomUUID().toString(),
            device,
            profile,
            source,
            origin,
            readings,
            null);
    return jsonb.toJson(new AddEventRequest(ApiVersion.V3, null, event));
  }

  private static Reading reading(
      String device,
      String profile,
      BigInteger origin,
      String resource,
      String type,
      String value,
      String units) {
    return new Reading(null, origin, device, resource, profile, type, value, units, null);
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
      LOG.log(Level.SEVERE, id.sensor() + ": agent stopped", e);
      throw e;
    }
  }

  public DeviceIdentity identity() {
    return id;
  }

  public Outbox outbox() {
    return outbox;
  }

  public SetpointGuard guard() {
    return guard;
  }

  public long samples() {
    return samples;
  }

  public long sensorFailures() {
    return sensorFailures;
  }
}
