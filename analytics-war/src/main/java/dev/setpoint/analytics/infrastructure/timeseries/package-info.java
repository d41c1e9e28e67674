/** InfluxDB through influxdb-client-java (the v2 write API, InfluxQL for reads). */
package dev.setpoint.analytics.infrastructure.timeseries;
