package dev.setpoint.analytics.domain.energy;

/**
 * What was wrong with a meter's readings over a span, and what was done about it.
 *
 * @param kind what kind of fault
 * @param fromMs where the span starts, epoch milliseconds (the key: reruns overwrite)
 * @param toMs where it ends
 * @param detail the reason in words, with the numbers, for operators and alerts
 */
public record EnergyAnomaly(AnomalyKind kind, long fromMs, long toMs, String detail) {}
