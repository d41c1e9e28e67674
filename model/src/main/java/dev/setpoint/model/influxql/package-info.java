/**
 * InfluxQL quoting ({@link dev.setpoint.model.influxql.InfluxQl}) shared by analytics-war's history
 * reads and the model's InfluxDB export, which read the same {@code climate} measurement. Here
 * rather than in {@code contracts}, which holds wire types, because only these two build InfluxQL
 * and analytics already depends on the model. No dependencies.
 */
package dev.setpoint.model.influxql;
