package dev.setpoint.model.mv.study;

import dev.setpoint.model.eval.ClosedLoop;
import dev.setpoint.model.mv.Observation;
import dev.setpoint.model.sim.RoomState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Meters a closed-loop run by the hour, as a room's meters and weather feed would: cooling energy,
 * cooling + IT, the mean outdoor temperature and dew point, the mean compute load (IT power less
 * the server fans' power above idle), and, for the study's truth only, the server fans' extra
 * energy and the mean setpoint. Hours close on whole UTC hours (the sites' zones have whole-hour
 * offsets and runs start at local midnight).
 */
final class HourlyMeter implements ClosedLoop.StepObserver {
  private final List<Observation> hours = new ArrayList<>();
  private final List<double[]> extra = new ArrayList<>();
  private double coolingAt;
  private double itAt;
  private double fanAt;
  private double outdoorSum;
  private double dewSum;
  private double computeSum;
  private double setpointSum;
  private int steps;

  @Override
  public void stepped(RoomState s) {
    outdoorSum += s.outdoorTemperatureC();
    dewSum += Observation.dewPointC(s.outdoorTemperatureC(), s.outdoorHumidityPct());
    computeSum += s.itLoadKw() - s.serverFanExtraKw();
    setpointSum += s.setpointC();
    steps++;
    Instant t = s.time();
    if (t.getEpochSecond() % 3600 == 0) {
      double cooling = s.cumulativeCoolingKwh() - coolingAt;
      double it = s.cumulativeItKwh() - itAt;
      double fan = s.cumulativeServerFanKwh() - fanAt;
      hours.add(
          new Observation(
              t.minusSeconds(3600),
              cooling,
              cooling + it,
              outdoorSum / steps,
              dewSum / steps,
              computeSum / steps));
      extra.add(new double[] {fan, setpointSum / steps});
      coolingAt = s.cumulativeCoolingKwh();
      itAt = s.cumulativeItKwh();
      fanAt = s.cumulativeServerFanKwh();
      outdoorSum = 0;
      dewSum = 0;
      computeSum = 0;
      setpointSum = 0;
      steps = 0;
    }
  }

  /** The hours metered so far, in order. */
  List<Observation> hours() {
    return List.copyOf(hours);
  }

  /** Hour {@code i}'s server-fan energy above idle, kWh. */
  double fanKwh(int i) {
    return extra.get(i)[0];
  }

  /** Hour {@code i}'s mean setpoint, °C. */
  double setpointC(int i) {
    return extra.get(i)[1];
  }
}
