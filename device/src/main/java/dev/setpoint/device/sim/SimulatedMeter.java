package dev.setpoint.device.sim;

import dev.setpoint.device.meter.Meter;
import dev.setpoint.device.meter.MeterException;
import dev.setpoint.device.meter.MeterReading;
import dev.setpoint.model.sim.RoomState;
import java.time.Clock;
import java.util.OptionalDouble;

/**
 * The energy meter of a {@link SimulatedRoom}: the simulator's true cooling power and energy
 * counter, and its IT load's power and energy counter, as a meter that measures both would read
 * them, and the servers' compute load (IT power less the server fans' power above idle), as a site
 * whose IT side reports it would. The counters start at 0 with the simulation and only grow.
 * Reading it integrates the room up to now, as its sensors do, so a controller's sample and meter
 * reading of one tick see the same state.
 */
public final class SimulatedMeter implements Meter {
  private final SimulatedRoom room;
  private final Clock clock;
  private final String name;

  /**
   * @param clock the wall clock the room is stepped with, for the reading's time
   * @param name the device, for {@link #describe()}
   */
  public SimulatedMeter(SimulatedRoom room, Clock clock, String name) {
    this.room = room;
    this.clock = clock;
    this.name = name;
  }

  @Override
  public MeterReading read() throws MeterException {
    RoomState s = room.state();
    double computeKw = s.itLoadKw() - s.serverFanExtraKw();
    double[] values = {
      s.electricKw(), s.cumulativeCoolingKwh(), s.itLoadKw(), s.cumulativeItKwh(), computeKw
    };
    for (double v : values) {
      // the simulator's own invariants; checked so that a model bug never reaches ingest
      if (!Double.isFinite(v) || v < 0) {
        throw new MeterException(
            MeterException.Reason.NONSENSE,
            "simulated room reads electric "
                + s.electricKw()
                + " kW, "
                + s.cumulativeCoolingKwh()
                + " kWh, IT "
                + s.itLoadKw()
                + " kW, "
                + s.cumulativeItKwh()
                + " kWh, compute "
                + computeKw
                + " kW");
      }
    }
    return new MeterReading(
        clock.instant(),
        s.electricKw(),
        s.cumulativeCoolingKwh(),
        OptionalDouble.of(s.itLoadKw()),
        OptionalDouble.of(s.cumulativeItKwh()),
        OptionalDouble.of(computeKw));
  }

  @Override
  public String describe() {
    return "simulated meter of " + name;
  }
}
