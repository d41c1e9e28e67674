/**
 * Store and forward on the device: the durable, bounded {@link
 * dev.setpoint.device.buffer.EventJournal} and the {@link dev.setpoint.device.buffer.Outbox} that
 * resends it in order with backoff, each event once.
 */
package dev.setpoint.device.buffer;
