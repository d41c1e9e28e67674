package dev.setpoint.analytics.application.savings;

import java.time.Instant;
import java.util.List;

/** A room's measured savings over a reporting period {@code [from, to)}, per meter. */
public record RoomSavings(String room, Instant from, Instant to, List<MeterSavings> meters) {}
