package dev.setpoint.analytics.domain.energy;

/** A meter's hour as stored: its tags and its energy. */
public record MeterHour(Meter meter, HourEnergy hour) {}
