/**
 * The edge buffer's volume: its two measurements ({@link
 * dev.setpoint.ingest.infrastructure.volume.FileStoreBufferVolume} for a configured directory,
 * {@link dev.setpoint.ingest.infrastructure.volume.MongoStatsBufferVolume} from MongoDB's {@code
 * dbStats} otherwise), the schedule that feeds {@link
 * dev.setpoint.ingest.application.BufferVolumeGuard}, and its figures on {@code /metrics}.
 */
package dev.setpoint.ingest.infrastructure.volume;
