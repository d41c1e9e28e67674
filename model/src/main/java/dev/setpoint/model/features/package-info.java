/**
 * The model's input: {@link dev.setpoint.model.features.FeatureLayout} (the order of the 37
 * features), {@link dev.setpoint.model.features.ClimateSample} and the per-room {@link
 * dev.setpoint.model.features.SampleWindow}. Shared by training and analytics-war; no dependencies.
 */
package dev.setpoint.model.features;
