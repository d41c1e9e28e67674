package dev.setpoint.analytics.domain.savings;

import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Where the rooms' measurement plans live: analytics' own cloud-side store, beside the rooms'
 * modes, so a pilot survives a restart and every analytics server of a group follows the same
 * schedule. Every method throws {@link ControlStoreUnavailableException} when the store cannot be
 * reached.
 */
public interface MvPlanStore {
  /** The room's latest plan, or empty when none was ever set. */
  Optional<MvPlan> find(String room);

  /** Every room's latest plan. */
  List<MvPlan> all();

  /** Stores the plan as the room's latest. */
  void save(MvPlan plan);
}
