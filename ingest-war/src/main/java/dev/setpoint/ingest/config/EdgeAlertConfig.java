package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge's own room alerts, {@code setpoint.ingest.edge-alerts.*}: ingest judges every stored
 * event of a room with the cloud's rules and writes each alert change to the edge outbox.
 */
@Dependent
public class EdgeAlertConfig {
  /** Whether ingest judges the rooms at all. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.edge-alerts.enabled", defaultValue = "true")
  public boolean enabled;

  /**
   * Thresholds that differ from the rules' defaults ({@code AlertRules}), as {@code name=value}
   * pairs separated by commas, e.g. {@code inletCriticalC=30,inletWarningC=26}; an unknown name or
   * thresholds that make no sense together stop the deployment. Unset: the defaults.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.edge-alerts.rules")
  public Optional<String> rules;

  /** Rooms tracked at once; beyond it some are forgotten, the least used first. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.edge-alerts.max-rooms", defaultValue = "10000")
  public int maxRooms;

  /**
   * Alert changes waiting for the outbox while MongoDB does not take them; beyond it the newest are
   * dropped, and logged.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.edge-alerts.queue-capacity", defaultValue = "1000")
  public int queueCapacity;

  /** The longest wait between two attempts to write an alert change to the outbox. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.edge-alerts.retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
