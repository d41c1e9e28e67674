/**
 * Measured savings per room (IPMVP Option B/C, ASHRAE Guideline 14): a room's metered hours ({@link
 * dev.setpoint.analytics.application.savings.RoomHours}), its baselines, savings, pilot and monthly
 * reports ({@link dev.setpoint.analytics.application.savings.SavingsService}), and the plans the
 * recommender follows ({@link dev.setpoint.analytics.application.savings.MvPlans}).
 */
package dev.setpoint.analytics.application.savings;
