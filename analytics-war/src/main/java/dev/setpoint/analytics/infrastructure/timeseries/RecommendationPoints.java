package dev.setpoint.analytics.infrastructure.timeseries;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.setpoint.analytics.domain.DecisionInputs;
import dev.setpoint.analytics.domain.DeviceRecommendation;

/**
 * The InfluxDB point of a recommender decision: measurement {@value #MEASUREMENT}, tags {@code
 * device} (the room's controller, or the room), {@code room} and {@code site}, fields {@code
 * recommended}, {@code predicted}, {@code model_version}, {@code reason}, {@code current_setpoint},
 * {@code predicted_current} (the predicted inlet had the current setpoint been kept), {@code
 * predicted_power} and {@code predicted_power_current} (the predicted mean power the setpoint can
 * change, kW, for the recommended and the current setpoint, from a model with a power head), {@code
 * margin} (the margin below the limit the prediction had to keep: the learnt bound), {@code mode},
 * {@code commanded}, and the inputs: {@code inlet} (the room's hottest inlet), {@code
 * outdoor_temperature}, {@code outdoor_source} and {@code sensors}; time = the decision in
 * milliseconds. A fallback has no prediction, so its point has no prediction field, and a decision
 * without a power prediction no power field (InfluxDB stores no NaN).
 */
final class RecommendationPoints {
  static final String MEASUREMENT = "recommendation";

  private RecommendationPoints() {}

  static Point of(DeviceRecommendation r) {
    Point point =
        Point.measurement(MEASUREMENT)
            .addTag("device", r.device())
            .time(r.time().toEpochMilli(), WritePrecision.MS)
            .addField("recommended", r.recommendedC())
            .addField("model_version", r.modelVersion())
            .addField("reason", r.reason())
            .addField("current_setpoint", r.currentSetpointC())
            .addField("margin", r.marginC())
            .addField("mode", r.mode())
            .addField("commanded", r.commanded());
    if (r.room() != null) {
      point.addTag("room", r.room());
    }
    DecisionInputs in = r.inputs();
    point.addField("outdoor_source", in.outdoorSource()).addField("sensors", in.sensors());
    if (Double.isFinite(in.inletC())) {
      point.addField("inlet", in.inletC());
    }
    if (Double.isFinite(in.outdoorC())) {
      point.addField("outdoor_temperature", in.outdoorC());
    }
    if (Double.isFinite(r.predictedC())) {
      point.addField("predicted", r.predictedC());
    }
    if (Double.isFinite(r.predictedCurrentC())) {
      point.addField("predicted_current", r.predictedCurrentC());
    }
    if (Double.isFinite(r.predictedPowerKw())) {
      point.addField("predicted_power", r.predictedPowerKw());
    }
    if (Double.isFinite(r.predictedPowerCurrentKw())) {
      point.addField("predicted_power_current", r.predictedPowerCurrentKw());
    }
    if (r.site() != null) {
      point.addTag("site", r.site());
    }
    return point;
  }
}
