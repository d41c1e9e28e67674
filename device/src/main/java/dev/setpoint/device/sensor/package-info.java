/**
 * Sensors behind the {@link dev.setpoint.device.sensor.Sensor} port: the DHT22/DHT11 through the
 * Linux kernel's IIO driver, the BME280 over I2C with Pi4J, and a simulated room.
 */
package dev.setpoint.device.sensor;
