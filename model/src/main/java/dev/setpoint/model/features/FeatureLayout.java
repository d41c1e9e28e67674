package dev.setpoint.model.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The model's input layout, shared by training (model/) and inference (analytics-war): a window of
 * {@value #WINDOW} samples, oldest first, each contributing {@value #PER_SAMPLE} values in the
 * order of the {@code *_OFFSET} constants, then the candidate setpoint at {@link #CANDIDATE_INDEX}:
 *
 * <pre>index = sample × 6 + offset   (sample 0 = oldest … 5 = newest),   36 = candidate setpoint
 * </pre>
 *
 * Values are raw units (°C, %, category 1–9); the ONNX graph normalises them itself.
 */
public final class FeatureLayout {
  /** Samples in a window (the report's window). */
  public static final int WINDOW = 6;

  /** Values per sample. */
  public static final int PER_SAMPLE = 6;

  public static final int INDOOR_TEMPERATURE_OFFSET = 0;
  public static final int INDOOR_HUMIDITY_OFFSET = 1;
  public static final int OUTDOOR_TEMPERATURE_OFFSET = 2;
  public static final int OUTDOOR_HUMIDITY_OFFSET = 3;
  public static final int WEATHER_CATEGORY_OFFSET = 4;
  public static final int SETPOINT_OFFSET = 5;

  /** Index of the candidate setpoint, after the window. */
  public static final int CANDIDATE_INDEX = WINDOW * PER_SAMPLE;

  /** Values per row: {@value #WINDOW} × {@value #PER_SAMPLE} + 1 = 37. */
  public static final int FEATURES = CANDIDATE_INDEX + 1;

  /** Per-sample names, in offset order (the CSV columns and InfluxDB fields they come from). */
  public static final List<String> SAMPLE_FIELDS =
      List.of(
          "indoor_temperature",
          "indoor_humidity",
          "outdoor_temperature",
          "outdoor_humidity",
          "weather_category",
          "setpoint");

  /**
   * The name of every feature, in index order: {@code t-5.indoor_temperature} … {@code
   * candidate_setpoint}.
   */
  public static final List<String> NAMES = names();

  private FeatureLayout() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>(FEATURES);
    for (int s = 0; s < WINDOW; s++) {
      String prefix = s == WINDOW - 1 ? "t" : "t-" + (WINDOW - 1 - s);
      for (String field : SAMPLE_FIELDS) {
        names.add(prefix + "." + field);
      }
    }
    names.add("candidate_setpoint");
    return Collections.unmodifiableList(names);
  }

  /** The index of value {@code offset} of window sample {@code sample} (0 = oldest). */
  public static int index(int sample, int offset) {
    if (sample < 0 || sample >= WINDOW || offset < 0 || offset >= PER_SAMPLE) {
      throw new IndexOutOfBoundsException("sample " + sample + ", offset " + offset);
    }
    return sample * PER_SAMPLE + offset;
  }

  /**
   * Writes one row for {@code window} (oldest first) and {@code candidateC} at {@code rowOffset}.
   */
  public static void write(
      List<ClimateSample> window, double candidateC, float[] target, int rowOffset) {
    if (window.size() != WINDOW) {
      throw new IllegalArgumentException(
          "a window has " + WINDOW + " samples, got " + window.size());
    }
    for (int s = 0; s < WINDOW; s++) {
      ClimateSample sample = window.get(s);
      int base = rowOffset + s * PER_SAMPLE;
      target[base + INDOOR_TEMPERATURE_OFFSET] = (float) sample.indoorTemperatureC();
      target[base + INDOOR_HUMIDITY_OFFSET] = (float) sample.indoorHumidityPct();
      target[base + OUTDOOR_TEMPERATURE_OFFSET] = (float) sample.outdoorTemperatureC();
      target[base + OUTDOOR_HUMIDITY_OFFSET] = (float) sample.outdoorHumidityPct();
      target[base + WEATHER_CATEGORY_OFFSET] = sample.weatherCategory();
      target[base + SETPOINT_OFFSET] = (float) sample.setpointC();
    }
    target[rowOffset + CANDIDATE_INDEX] = (float) candidateC;
  }

  /** One row: the window (oldest first) and a candidate setpoint. */
  public static float[] row(List<ClimateSample> window, double candidateC) {
    float[] row = new float[FEATURES];
    write(window, candidateC, row, 0);
    return row;
  }

  /**
   * Rows for every candidate, flattened row-major into one array of {@code candidates.length ×}
   * {@value #FEATURES} values: the {@code [N, 37]} tensor the ONNX model takes in one call.
   */
  public static float[] batch(List<ClimateSample> window, double[] candidates) {
    float[] rows = new float[candidates.length * FEATURES];
    for (int i = 0; i < candidates.length; i++) {
      write(window, candidates[i], rows, i * FEATURES);
    }
    return rows;
  }
}
