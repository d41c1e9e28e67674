package dev.setpoint.analytics.application.room;

import dev.setpoint.analytics.domain.DeviceRecommendation;
import java.time.Instant;
import java.util.List;

/**
 * What the recommender knows of one room at a moment: for the rooms API and the dashboard.
 *
 * @param room the room
 * @param site its site, or null
 * @param controller the device that reports (and takes) the room's setpoint, or null
 * @param reportedSetpointC the setpoint it last reported, °C, or null
 * @param sensors the room's inlet sensors with their latest reading, by name
 * @param lastDecision the last decision made for it, or null
 * @param boundChecked its decisions' predictions checked against the peak inlet within their
 *     horizon since analytics started
 * @param boundCovered of those, the ones whose peak stayed at or below prediction + the margin
 *     kept: how far the room's bound can be trusted
 */
public record RoomSnapshot(
    String room,
    String site,
    String controller,
    Double reportedSetpointC,
    List<Sensor> sensors,
    DeviceRecommendation lastDecision,
    long boundChecked,
    long boundCovered) {

  /**
   * One inlet sensor's latest reading.
   *
   * @param device the sensor
   * @param time when it was taken (the hub's receipt when the device's clock is off)
   * @param temperatureC the inlet temperature, °C
   */
  public record Sensor(String device, Instant time, double temperatureC) {}
}
