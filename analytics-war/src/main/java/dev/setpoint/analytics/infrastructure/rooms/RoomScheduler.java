package dev.setpoint.analytics.infrastructure.rooms;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.room.RoomModes;
import dev.setpoint.analytics.application.savings.MvPlans;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.config.RoomsConfig;
import dev.setpoint.analytics.infrastructure.Guarded;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rooms' own schedule, on the managed scheduler: the stored modes (and measurement plans, with
 * their pilots) are read at start and every {@code setpoint.analytics.rooms.refresh-interval}, and
 * every {@code setpoint.analytics.rooms.tick} the recommender decides for each room whose decision
 * is due (when the recommender is enabled).
 */
@ApplicationScoped
public class RoomScheduler {
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Recommender recommender;
  private final RoomModes modes;
  private final MvPlans plans;
  private final RoomsConfig rooms;
  private final boolean enabled;
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  @Inject
  public RoomScheduler(
      Recommender recommender,
      RoomModes modes,
      MvPlans plans,
      RoomsConfig rooms,
      RecommenderConfig config) {
    this.recommender = recommender;
    this.modes = modes;
    this.plans = plans;
    this.rooms = rooms;
    this.enabled = config.enabled;
  }

  /** For CDI's proxy only. */
  protected RoomScheduler() {
    this.recommender = null;
    this.modes = null;
    this.plans = null;
    this.rooms = null;
    this.enabled = false;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!tasks.isEmpty()) {
      return;
    }
    long refresh = rooms.refreshInterval.toMillis();
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () -> {
              Guarded.run("reading the room modes", modes::refresh);
              Guarded.run("reading the measurement plans", plans::refresh);
            },
            0,
            refresh,
            TimeUnit.MILLISECONDS));
    if (enabled) {
      long tick = rooms.tick.toMillis();
      tasks.add(
          scheduler.scheduleWithFixedDelay(
              () -> Guarded.run("deciding for the rooms", recommender::decideDue),
              tick,
              tick,
              TimeUnit.MILLISECONDS));
    }
  }

  @PreDestroy
  synchronized void stop() {
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
  }
}
