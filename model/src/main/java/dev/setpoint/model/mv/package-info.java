/**
 * Measurement and verification of a room's savings, in the manner of IPMVP Option B/C and ASHRAE
 * Guideline 14: hourly {@link dev.setpoint.model.mv.Observation}s, a change-point {@link
 * dev.setpoint.model.mv.Baseline} of energy on what the controller does not influence (outdoor
 * temperature and dew point, the servers' compute load), its {@link
 * dev.setpoint.model.mv.Guideline14} statistics and verdict, the {@link
 * dev.setpoint.model.mv.Savings} over a reporting period with their fractional uncertainty, and a
 * randomised {@link dev.setpoint.model.mv.PilotSchedule} with its {@link
 * dev.setpoint.model.mv.PilotEstimate}. Plain Java, no I/O and no simulator: analytics can use it
 * on metered data. The simulation study that checks these methods against a twin room lives in
 * {@code dev.setpoint.model.mv.study}.
 */
package dev.setpoint.model.mv;
