package dev.setpoint.analytics.infrastructure.savings;

import dev.setpoint.analytics.domain.savings.BaselinePeriod;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.MvPlanStore;
import dev.setpoint.analytics.domain.savings.Pilot;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;

/**
 * The rooms' measurement plans in analytics' own database ({@link AnalyticsDatabase}, collection
 * {@value #COLLECTION}), append-only as the room modes are: each change is one new document holding
 * the whole plan ({@code _id} a UUID, {@code room}, the baseline period's {@code baselineFrom} and
 * {@code baselineTo} in epoch milliseconds, the pilot's {@code pilotStart} (ISO date), {@code
 * pilotDays}, {@code pilotPeriodDays}, {@code pilotSeed}, {@code pilotFixedSetpoint}, {@code
 * pilotZone}, {@code pilotCarryOverHours} and {@code pilotStoppedAt}, each absent when not set,
 * {@code changedBy}, {@code changedAt}); a room's plan is its latest, and the collection is the
 * record of every baseline and pilot who set, started and stopped.
 */
@ApplicationScoped
public class JnosqlMvPlanStore implements MvPlanStore {
  /** The collection of plan changes. */
  public static final String COLLECTION = "room_mv_plans";

  private static final Logger LOG = Logger.getLogger(JnosqlMvPlanStore.class.getName());

  static final String ID = "_id";
  static final String ROOM = "room";
  static final String BASELINE_FROM = "baselineFrom";
  static final String BASELINE_TO = "baselineTo";
  static final String PILOT_START = "pilotStart";
  static final String PILOT_DAYS = "pilotDays";
  static final String PILOT_PERIOD_DAYS = "pilotPeriodDays";
  static final String PILOT_SEED = "pilotSeed";
  static final String PILOT_FIXED_SETPOINT = "pilotFixedSetpoint";
  static final String PILOT_ZONE = "pilotZone";
  static final String PILOT_CARRY_OVER_HOURS = "pilotCarryOverHours";
  static final String PILOT_STOPPED_AT = "pilotStoppedAt";
  static final String CHANGED_BY = "changedBy";
  static final String CHANGED_AT = "changedAt";

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlMvPlanStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlMvPlanStore() {
    this.database = null;
  }

  @Override
  public Optional<MvPlan> find(String room) {
    return database.latest(
        COLLECTION,
        ROOM,
        room,
        CHANGED_AT,
        JnosqlMvPlanStore::plan,
        "read the measurement plan of room " + room);
  }

  @Override
  public List<MvPlan> all() {
    return database.latestOfEach(
        COLLECTION,
        CHANGED_AT,
        JnosqlMvPlanStore::plan,
        MvPlan::room,
        "read the measurement plans");
  }

  @Override
  public void save(MvPlan plan) {
    CommunicationEntity entity = document(plan);
    entity.add(ID, UUID.randomUUID().toString());
    database.insert(entity, "store the measurement plan of room " + plan.room());
  }

  /** The document of a plan (without its id). */
  static CommunicationEntity document(MvPlan plan) {
    CommunicationEntity entity = CommunicationEntity.of(COLLECTION);
    entity.add(ROOM, plan.room());
    if (plan.baseline() != null) {
      entity.add(BASELINE_FROM, plan.baseline().from().toEpochMilli());
      entity.add(BASELINE_TO, plan.baseline().to().toEpochMilli());
    }
    Pilot p = plan.pilot();
    if (p != null) {
      entity.add(PILOT_START, p.start().toString());
      entity.add(PILOT_DAYS, p.days());
      entity.add(PILOT_PERIOD_DAYS, p.periodDays());
      entity.add(PILOT_SEED, p.seed());
      entity.add(PILOT_FIXED_SETPOINT, p.fixedSetpointC());
      entity.add(PILOT_ZONE, p.zone().getId());
      entity.add(PILOT_CARRY_OVER_HOURS, p.carryOverHours());
      if (p.stoppedAt() != null) {
        entity.add(PILOT_STOPPED_AT, p.stoppedAt().toEpochMilli());
      }
    }
    entity.add(CHANGED_BY, plan.changedBy());
    entity.add(CHANGED_AT, plan.changedAt().toEpochMilli());
    return entity;
  }

  /**
   * The plan a stored document holds; empty (and logged) for one that does not hold a valid one.
   */
  static Optional<MvPlan> plan(CommunicationEntity entity) {
    Optional<String> room = entity.find(ROOM, String.class);
    Optional<Long> at = entity.find(CHANGED_AT, Long.class);
    if (room.isEmpty() || at.isEmpty()) {
      return Optional.empty();
    }
    try {
      BaselinePeriod baseline = null;
      Optional<Long> from = entity.find(BASELINE_FROM, Long.class);
      Optional<Long> to = entity.find(BASELINE_TO, Long.class);
      if (from.isPresent() && to.isPresent()) {
        baseline =
            new BaselinePeriod(Instant.ofEpochMilli(from.get()), Instant.ofEpochMilli(to.get()));
      }
      Pilot pilot = null;
      Optional<String> start = entity.find(PILOT_START, String.class);
      if (start.isPresent()) {
        pilot =
            new Pilot(
                LocalDate.parse(start.get()),
                entity.find(PILOT_DAYS, Integer.class).orElseThrow(),
                entity.find(PILOT_PERIOD_DAYS, Integer.class).orElseThrow(),
                entity.find(PILOT_SEED, Long.class).orElseThrow(),
                entity.find(PILOT_FIXED_SETPOINT, Double.class).orElseThrow(),
                ZoneId.of(entity.find(PILOT_ZONE, String.class).orElseThrow()),
                entity.find(PILOT_CARRY_OVER_HOURS, Integer.class).orElseThrow(),
                entity.find(PILOT_STOPPED_AT, Long.class).map(Instant::ofEpochMilli).orElse(null));
      }
      return Optional.of(
          new MvPlan(
              room.get(),
              baseline,
              pilot,
              entity.find(CHANGED_BY, String.class).orElse(null),
              Instant.ofEpochMilli(at.get())));
    } catch (RuntimeException e) {
      // DateTimeException, NoSuchElementException, IllegalArgumentException: a damaged document
      LOG.warning("measurement plan of room " + room.get() + " is not readable, skipped: " + e);
      return Optional.empty();
    }
  }
}
