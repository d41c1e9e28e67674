package dev.setpoint.analytics.application.energy;

import java.time.Instant;
import java.util.List;

/** A room's meter anomalies that touch {@code [from, to)}, newest first. */
public record AnomalyReport(String room, Instant from, Instant to, List<RoomAnomaly> anomalies) {}
