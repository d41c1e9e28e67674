package dev.setpoint.analytics.application.savings;

import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.MvPlanStore;
import dev.setpoint.analytics.domain.savings.Pilot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The rooms' measurement plans over their {@link MvPlanStore}, with the plans held in memory for
 * the recommender: {@link #refresh()} reads every plan (at start and with the room modes' refresh,
 * so a pilot another analytics server of the group stored is followed), and a plan saved here
 * applies at once. The recommender asks {@link #fixedSetpoint(String, Instant)} at every decision,
 * so it never waits on the store; when the store cannot be read, the plans read before stand.
 */
public final class MvPlans implements MvPlanStore {
  private static final Logger LOG = Logger.getLogger(MvPlans.class.getName());

  private final MvPlanStore store;
  private final Map<String, MvPlan> plans = new ConcurrentHashMap<>();
  private volatile boolean reachable = true;

  public MvPlans(MvPlanStore store) {
    this.store = store;
  }

  /**
   * Reads every stored plan; on failure keeps what it held and logs once per outage.
   *
   * @return whether the store answered
   */
  public boolean refresh() {
    try {
      Map<String, MvPlan> read = new ConcurrentHashMap<>();
      for (MvPlan p : store.all()) {
        read.put(p.room(), p);
      }
      plans.putAll(read);
      plans.keySet().retainAll(read.keySet());
      reachable = true;
      return true;
    } catch (ControlStoreUnavailableException e) {
      if (reachable) {
        LOG.warning(
            "the measurement plans cannot be read ("
                + e.getMessage()
                + "); the plans read before"
                + " stand");
      }
      reachable = false;
      return false;
    }
  }

  /** The setpoint the room's pilot commands at {@code time} (a fixed-arm day), or empty. */
  public Optional<Double> fixedSetpoint(String room, Instant time) {
    MvPlan plan = plans.get(room);
    Pilot pilot = plan == null ? null : plan.pilot();
    return pilot == null ? Optional.empty() : pilot.fixedSetpointAt(time);
  }

  @Override
  public Optional<MvPlan> find(String room) {
    Optional<MvPlan> found = store.find(room);
    found.ifPresent(p -> plans.put(room, p));
    return found;
  }

  @Override
  public List<MvPlan> all() {
    return store.all();
  }

  @Override
  public void save(MvPlan plan) {
    store.save(plan);
    plans.put(plan.room(), plan);
  }
}
