package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's in-memory duplicate check and its lookups by event id, {@code
 * setpoint.ingest.buffer.*}. The check keeps, per device, the ids of its newest {@code
 * dedup.per-device} stored events for at most {@code dedup.max-devices} devices (about 130 bytes an
 * id: 64 × 2,000 ≈ 17 MB at most), refilled at start from the newest {@code dedup.rebuild-events}
 * events of the log. A lookup by id ({@code GET /event/id/{id}}) reads at most the newest {@code
 * lookup.max-events} events of the log and answers 404 saying so when it stopped there.
 */
@Dependent
public class BufferConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.dedup.per-device", defaultValue = "64")
  public int dedupPerDevice;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.dedup.max-devices", defaultValue = "2000")
  public int dedupMaxDevices;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.dedup.rebuild-events", defaultValue = "20000")
  public long dedupRebuildEvents;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.lookup.max-events", defaultValue = "200000")
  public long lookupMaxEvents;
}
