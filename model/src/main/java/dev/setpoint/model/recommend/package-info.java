/**
 * The recommendation policy: {@link dev.setpoint.model.recommend.SetpointPolicy} picks the highest
 * safe candidate setpoint from an {@link dev.setpoint.model.recommend.InletPredictor}'s
 * predictions, with bounded steps and documented fallbacks. Shared with analytics-war; no
 * dependencies.
 */
package dev.setpoint.model.recommend;
