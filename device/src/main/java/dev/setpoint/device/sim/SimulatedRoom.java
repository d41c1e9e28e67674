package dev.setpoint.device.sim;

import dev.setpoint.device.sensor.Climate;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A simulated server room, the model module's {@link RoomSimulator}, advanced in step with the wall
 * clock (or {@code speed} times faster): reading it integrates the room up to now under the
 * setpoint the simulated air conditioner holds. So a setpoint the agent applies changes what it
 * reads next: the closed loop of the real room, with no hardware. Thread-safe.
 *
 * <p>The room's instant is its start plus its simulated time: the wall clock at speed 1, ahead of
 * it at a higher speed. A room whose weather is its site's ({@link SiteOutdoor}) feels the weather
 * of that instant, so only at speed 1 is it the weather the relay reports, which is the wall
 * clock's.
 *
 * <p>Its cooling can trip: at the instants a {@link CoolingTrip} gives (the room integrates up to
 * each and changes there, however seldom it is read), or when {@link #tripCooling} is called. Each
 * change is logged once at INFO.
 */
public final class SimulatedRoom {
  private static final Logger LOG = Logger.getLogger(SimulatedRoom.class.getName());

  private final RoomSimulator simulator;
  private final Clock clock;
  private final double speed;
  private final Instant start;
  private final long startElapsedMs;
  private final String name;
  private final CoolingTrip trip; // null: none scheduled
  private final long tripAtMs; // wall-clock ms after the start; Long.MAX_VALUE: never
  private final long restoreAtMs; // likewise
  private boolean tripDone;
  private boolean restoreDone;
  private Instant trippedAt;
  private double setpoint;

  /**
   * @param simulator the room
   * @param clock the wall clock
   * @param speed simulated seconds per wall-clock second, at least 1
   * @param initialSetpoint the unit's setpoint until the agent applies one, °C
   */
  public SimulatedRoom(RoomSimulator simulator, Clock clock, double speed, double initialSetpoint) {
    this(simulator, clock, clock.instant(), speed, initialSetpoint);
  }

  /**
   * A room that started at {@code start} (when its simulator's time was its elapsed time now), for
   * a simulator whose {@link SiteOutdoor} knows that start.
   */
  public SimulatedRoom(
      RoomSimulator simulator, Clock clock, Instant start, double speed, double initialSetpoint) {
    this(simulator, clock, start, speed, initialSetpoint, "simulated room", Optional.empty());
  }

  /**
   * A room as {@link #SimulatedRoom(RoomSimulator, Clock, Instant, double, double)} makes it, named
   * {@code name} in its log, whose cooling trips as {@code trip} says (from {@code start}).
   */
  public SimulatedRoom(
      RoomSimulator simulator,
      Clock clock,
      Instant start,
      double speed,
      double initialSetpoint,
      String name,
      Optional<CoolingTrip> trip) {
    if (!(speed >= 1)) {
      throw new IllegalArgumentException("speed must be at least 1, was " + speed);
    }
    this.simulator = simulator;
    this.clock = clock;
    this.speed = speed;
    this.start = start;
    this.startElapsedMs = simulator.elapsed().toMillis();
    this.setpoint = initialSetpoint;
    this.name = name;
    this.trip = trip.orElse(null);
    this.tripAtMs = trip.map(t -> millis(t.after())).orElse(Long.MAX_VALUE);
    this.restoreAtMs =
        trip.flatMap(CoolingTrip::duration).map(d -> tripAtMs + millis(d)).orElse(Long.MAX_VALUE);
    // The simulator's rate is per simulated minute; the trip's per wall-clock minute.
    trip.ifPresent(
        t -> t.heatRateCPerMinute().ifPresent(rate -> simulator.setTripAirRate(rate / speed)));
  }

  /**
   * A duration in milliseconds, at most a long's quarter (some 70 million years), so that a trip's
   * instants after the start neither overflow nor leave {@link Instant}'s range.
   */
  private static long millis(Duration d) {
    return d.compareTo(Duration.ofMillis(Long.MAX_VALUE / 4)) > 0
        ? Long.MAX_VALUE / 4
        : d.toMillis();
  }

  /** Integrates the room up to now and answers its inlet air (the hottest rack's reading). */
  public synchronized Climate climate() {
    RoomState state = state();
    return new Climate(state.inletTemperatureC(), state.relativeHumidityPct());
  }

  /**
   * Integrates the room up to now and answers its state: every sensor of the room (its controller's
   * and its racks') reads the same room.
   */
  public synchronized RoomState state() {
    long wallMs = Duration.between(start, clock.instant()).toMillis();
    // A trip and a restore happen at their instants, however long ago the room was last read.
    if (!tripDone && wallMs >= tripAtMs) {
      advanceTo(tripAtMs);
      tripDone = true;
      change(true, start.plusMillis(tripAtMs), true);
    }
    if (tripDone && !restoreDone && wallMs >= restoreAtMs) {
      advanceTo(restoreAtMs);
      restoreDone = true;
      change(false, start.plusMillis(restoreAtMs), true);
    }
    advanceTo(wallMs);
    return simulator.state();
  }

  /** Integrates the room up to {@code wallMs} after its start (wall clock). */
  private void advanceTo(long wallMs) {
    // From the start, not from the last step, so that rounding to the millisecond never adds up:
    // at speed 1 the room's instant stays the wall clock's.
    long target = startElapsedMs + (long) (wallMs * speed);
    long millis = target - simulator.elapsed().toMillis();
    if (millis > 0) {
      simulator.step(Duration.ofMillis(millis), setpoint);
    }
  }

  /**
   * Trips the room's cooling (true: every unit out, removing no heat and drawing no power) or
   * restores it (false) now, after integrating the room up to now; a {@link CoolingTrip}'s heat
   * rate, if the room has one, applies to this trip too. Asking for the state the cooling is
   * already in changes nothing. A scheduled trip or restore still happens at its instant.
   */
  public synchronized void tripCooling(boolean tripped) {
    state();
    change(tripped, clock.instant(), false);
  }

  /** Whether the room's cooling is tripped now. */
  public synchronized boolean coolingTripped() {
    state();
    return simulator.coolingTripped();
  }

  /**
   * Trips or restores the cooling (the room is integrated up to {@code at}) and logs it.
   *
   * @param scheduled whether the room's {@link CoolingTrip} does it
   */
  private void change(boolean tripped, Instant at, boolean scheduled) {
    if (simulator.coolingTripped() == tripped) {
      return;
    }
    simulator.tripCooling(tripped);
    String inlet = String.format(Locale.ROOT, "%.2f", simulator.state().inletTemperatureC());
    if (tripped) {
      trippedAt = at;
      LOG.info(
          () ->
              name
                  + ": cooling tripped at "
                  + at
                  + (scheduled ? ", " + trip.after() + " after the start" : "")
                  + ": inlet "
                  + inlet
                  + " °C, no unit removes heat or draws power, the inlet rises "
                  + rise()
                  + (scheduled
                      ? (restoreAtMs == Long.MAX_VALUE
                          ? "; the units stay out until the agent stops"
                          : "; the units run again at " + start.plusMillis(restoreAtMs))
                      : ""));
    } else {
      String out = trippedAt == null ? "" : " after " + Duration.between(trippedAt, at) + " out";
      LOG.info(
          () ->
              name
                  + ": cooling restored at "
                  + at
                  + out
                  + ": inlet "
                  + inlet
                  + " °C, the units pull the room back down");
    }
  }

  private String rise() {
    return trip != null && trip.heatRateCPerMinute().isPresent()
        ? String.format(
            Locale.ROOT,
            "by %.2f °C a minute (the trip's heat rate)",
            trip.heatRateCPerMinute().getAsDouble())
        : "as fast as the room's heat capacity gives";
  }

  /** The racks of the room, each with an inlet sensor. */
  public int racks() {
    return simulator.parameters().racks();
  }

  /** The setpoint the simulated air conditioner holds from now on. */
  public synchronized void setpoint(double celsius) {
    climate(); // the time so far ran under the old setpoint
    this.setpoint = celsius;
  }

  public synchronized double setpoint() {
    return setpoint;
  }
}
