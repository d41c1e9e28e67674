package dev.setpoint.analytics.infrastructure.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.setpoint.analytics.domain.InvalidModelException;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.ModelUnavailableException;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.LookAhead;
import dev.setpoint.model.recommend.PowerHead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The thermal model in ONNX Runtime. One {@link OrtSession} serves every caller at once (its {@code
 * run} is thread-safe); all candidates of a decision go through it in one batched call.
 *
 * <p>A load checks the interface before the model is served: exactly one float input {@value
 * #INPUT} of shape {@code [N, 37]}, a float output {@value #OUTPUT} of shape {@code [N, 1]} (what
 * the predict APIs answer), and, for a look-ahead model whose metadata names one ({@link
 * LookAhead}), its look-ahead output of shape {@code [N, H]} for its H horizons (what the
 * recommender judges candidates on), and, for a model whose metadata declares a power head ({@link
 * PowerHead}), its power output of shape {@code [N, 1]}; no other output; and one probe row that
 * must predict finite temperatures (and a finite power). A model whose metadata declares an output
 * it lacks is refused, not served without it: the recommender would take it for a model that
 * predicts no power. {@link #forecast} reads the look-ahead and the power from one call.
 *
 * <p>A reload swaps the new session in and closes the old one once the calls running on it have
 * finished (a read-write lock: predictions share it, the close takes it alone).
 */
public final class OnnxSetpointModel implements SetpointModel, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OnnxSetpointModel.class.getName());

  /** The input tensor the model must have. */
  public static final String INPUT = "features";

  /** The output tensor the model must have. */
  public static final String OUTPUT = "inlet_temperature";

  /** The bootstrap model packaged in the WAR (model/bootstrap/setpoint-thermal.onnx). */
  public static final String BOOTSTRAP_RESOURCE =
      "/dev/setpoint/analytics/model/setpoint-thermal.onnx";

  private static final String BOOTSTRAP_SOURCE = "classpath:" + BOOTSTRAP_RESOURCE;

  private record Loaded(OrtSession session, ModelInfo info, long mtimeMillis, long size) {}

  /** What a call asks the loaded model for. */
  private enum Ask {
    /** The served horizon: {@code inlet_temperature}. */
    SERVED,
    /** Every horizon: the look-ahead output, or {@code inlet_temperature} without one. */
    AHEAD,
    /** Every horizon and, from a model with a power head, the power. */
    FORECAST
  }

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final Optional<Path> file;
  private final Clock clock;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Loaded loaded;
  private volatile String lastError;
  private volatile String rejected;
  private volatile LongConsumer latencyNanos = nanos -> {};
  private volatile Consumer<ModelInfo> loadedObserver = info -> {};

  /**
   * Loads the model at once; a model that fails to load leaves this instance without one ({@link
   * #info()} empty, {@link #lastError()} saying why) until a reload succeeds.
   *
   * @param file the model file, or empty for the bootstrap model packaged in the WAR
   */
  public OnnxSetpointModel(Optional<Path> file, Clock clock) {
    this.file = file;
    this.clock = clock;
    try {
      reload();
    } catch (InvalidModelException e) {
      LOG.severe("no model is served: " + e.getMessage());
    }
  }

  /** Called with each prediction's duration in nanoseconds (metrics). */
  public void onLatency(LongConsumer observer) {
    this.latencyNanos = observer;
  }

  /** Called with each newly loaded model's info (metrics). */
  public void onLoaded(Consumer<ModelInfo> observer) {
    this.loadedObserver = observer;
  }

  /** The configured file, or empty for the bootstrap model. */
  public Optional<Path> file() {
    return file;
  }

  @Override
  public float[] predict(float[] features, int rows) {
    return call(features, rows, Ask.SERVED).inlet();
  }

  /**
   * The loaded model's look-ahead horizons (the served horizon alone for a model without them). A
   * reload between this and {@link #predictAhead} can change them; the caller checks the answer's
   * size.
   */
  @Override
  public List<Duration> horizons() {
    Loaded current = loaded;
    return current == null
        ? List.of(DEFAULT_HORIZON)
        : current.info().lookAhead().map(LookAhead::horizons).orElse(List.of(DEFAULT_HORIZON));
  }

  @Override
  public float[] predictAhead(float[] features, int rows) {
    return call(features, rows, Ask.AHEAD).inlet();
  }

  /**
   * {@link #predictAhead} and, from a model with a power head, each row's predicted power, in one
   * ONNX Runtime call; the power is null from a model without one.
   *
   * @throws ModelUnavailableException when no valid model is loaded or ONNX Runtime fails
   */
  @Override
  public Forecast forecast(float[] features, int rows) {
    return call(features, rows, Ask.FORECAST);
  }

  private Forecast call(float[] features, int rows, Ask ask) {
    if (rows <= 0 || features.length != rows * FeatureLayout.FEATURES) {
      throw new IllegalArgumentException(
          "expected "
              + rows
              + " rows of "
              + FeatureLayout.FEATURES
              + " features, got "
              + features.length
              + " values");
    }
    long start = System.nanoTime();
    lock.readLock().lock();
    try {
      Loaded current = loaded;
      if (current == null) {
        throw new ModelUnavailableException("no model is loaded: " + lastError);
      }
      Optional<LookAhead> lookAhead =
          ask == Ask.SERVED ? Optional.empty() : current.info().lookAhead();
      Optional<PowerHead> power =
          ask == Ask.FORECAST ? current.info().powerHead() : Optional.empty();
      String inlet = lookAhead.map(LookAhead::output).orElse(OUTPUT);
      Map<String, Integer> outputs = new LinkedHashMap<>();
      outputs.put(inlet, lookAhead.map(l -> l.horizons().size()).orElse(1));
      power.ifPresent(p -> outputs.put(p.output(), 1));
      Map<String, float[]> answer = run(current.session(), features, rows, outputs);
      return new Forecast(answer.get(inlet), power.map(p -> answer.get(p.output())).orElse(null));
    } catch (OrtException e) {
      throw new ModelUnavailableException("ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
      latencyNanos.accept(System.nanoTime() - start);
    }
  }

  private float[] run(OrtSession session, float[] features, int rows, String output, int columns)
      throws OrtException {
    return run(session, features, rows, Map.of(output, columns)).get(output);
  }

  /**
   * One call for every output asked for.
   *
   * @param outputs each output's name and its columns
   * @return each output's values, row-major
   */
  private Map<String, float[]> run(
      OrtSession session, float[] features, int rows, Map<String, Integer> outputs)
      throws OrtException {
    try (OnnxTensor input =
            OnnxTensor.createTensor(
                env, FloatBuffer.wrap(features), new long[] {rows, FeatureLayout.FEATURES});
        OrtSession.Result result = session.run(Map.of(INPUT, input), outputs.keySet())) {
      Map<String, float[]> answer = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> output : outputs.entrySet()) {
        FloatBuffer out =
            ((OnnxTensor)
                    result
                        .get(output.getKey())
                        .orElseThrow(
                            () ->
                                new ModelUnavailableException(
                                    "the model did not answer its output '"
                                        + output.getKey()
                                        + "'")))
                .getFloatBuffer();
        if (out.remaining() != rows * output.getValue()) {
          throw new ModelUnavailableException(
              "the model answered "
                  + out.remaining()
                  + " values of '"
                  + output.getKey()
                  + "' for "
                  + rows
                  + " rows");
        }
        float[] values = new float[rows * output.getValue()];
        out.get(values);
        answer.put(output.getKey(), values);
      }
      return answer;
    }
  }

  @Override
  public Optional<ModelInfo> info() {
    Loaded current = loaded;
    return current == null ? Optional.empty() : Optional.of(current.info());
  }

  @Override
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public synchronized ModelInfo reload() {
    byte[] bytes;
    long mtime = 0;
    long size = 0;
    String source;
    try {
      if (file.isPresent()) {
        Path path = file.get();
        source = path.toString();
        mtime = Files.getLastModifiedTime(path).toMillis();
        size = Files.size(path);
        bytes = Files.readAllBytes(path);
      } else {
        source = BOOTSTRAP_SOURCE;
        try (InputStream in = OnnxSetpointModel.class.getResourceAsStream(BOOTSTRAP_RESOURCE)) {
          if (in == null) {
            throw fail("the bootstrap model " + BOOTSTRAP_RESOURCE + " is not packaged", null);
          }
          bytes = in.readAllBytes();
        }
      }
    } catch (IOException e) {
      throw fail("cannot read the model " + file.map(Path::toString).orElse("") + ": " + e, e);
    }
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread per call: a [19, 37] × [37, 1] product gains nothing from more, and callers
      // (the recommender, the predict APIs) already run in parallel.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      session = env.createSession(bytes, options);
    } catch (OrtException e) {
      throw fail(source + " is not a model ONNX Runtime can load: " + e.getMessage(), e);
    }
    ModelInfo info;
    try {
      info = check(session, source, bytes);
    } catch (InvalidModelException e) {
      closeQuietly(session);
      throw fail(e.getMessage(), e);
    }
    Loaded previous = loaded;
    loaded = new Loaded(session, info, mtime, size);
    lastError = null;
    if (previous != null) {
      lock.writeLock().lock();
      try {
        closeQuietly(previous.session());
      } finally {
        lock.writeLock().unlock();
      }
    }
    LOG.info("serving model " + info.version() + " from " + source);
    loadedObserver.accept(info);
    return info;
  }

  /**
   * Reloads when the configured file's modification time or size differs from the loaded one's.
   *
   * @return whether a new model was loaded
   */
  public boolean reloadIfChanged() {
    if (file.isEmpty()) {
      return false;
    }
    Loaded current = loaded;
    String stamp;
    try {
      stamp = stamp(Files.getLastModifiedTime(file.get()).toMillis(), Files.size(file.get()));
    } catch (IOException e) {
      return false; // being replaced, or gone: keep serving the loaded model
    }
    if (current != null && stamp.equals(stamp(current.mtimeMillis(), current.size()))) {
      return false;
    }
    if (stamp.equals(rejected)) {
      return false; // the same broken file: not again every poll
    }
    try {
      reload();
      return true;
    } catch (InvalidModelException e) {
      rejected = stamp;
      LOG.warning("the changed model file is not served: " + e.getMessage());
      return false;
    }
  }

  private static String stamp(long mtimeMillis, long size) {
    return mtimeMillis + "/" + size;
  }

  private ModelInfo check(OrtSession session, String source, byte[] bytes) {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      requireTensor(inputs, INPUT, "input", FeatureLayout.FEATURES);
      requireOnly(inputs, INPUT, "input");
      requireTensor(outputs, OUTPUT, "output", 1);
      float[] answer = run(session, probe(), 1, OUTPUT, 1);
      if (!Float.isFinite(answer[0])) {
        throw new InvalidModelException(source + " predicts " + answer[0] + " for a probe row");
      }
      Map<String, String> metadata = session.getMetadata().getCustomMetadata();
      Optional<LookAhead> lookAhead = declared(source, () -> LookAhead.fromMetadata(metadata));
      Optional<PowerHead> power = declared(source, () -> PowerHead.fromMetadata(metadata));
      Set<String> expected = new LinkedHashSet<>(List.of(OUTPUT));
      if (lookAhead.isPresent()) {
        LookAhead l = lookAhead.get();
        requireTensor(outputs, l.output(), "look-ahead output", l.horizons().size());
        expected.add(l.output());
      }
      if (power.isPresent()) {
        String name = power.get().output();
        if (expected.contains(name)) {
          throw new InvalidModelException(
              "the model's power output '" + name + "' must be an output of its own");
        }
        requireTensor(outputs, name, "power output", 1);
        expected.add(name);
      }
      requireOutputs(outputs, expected);
      if (lookAhead.isPresent()) {
        LookAhead l = lookAhead.get();
        float[] probe = new float[FeatureLayout.FEATURES];
        Arrays.fill(probe, 20f);
        for (float v : run(session, probe, 1, l.output(), l.horizons().size())) {
          if (!Float.isFinite(v)) {
            throw new InvalidModelException(source + " looks ahead to " + v + " for a probe row");
          }
        }
      }
      if (power.isPresent()) {
        float kw = run(session, probe(), 1, power.get().output(), 1)[0];
        if (!Float.isFinite(kw)) {
          throw new InvalidModelException(
              source + " predicts a power of " + kw + " kW for a probe row");
        }
      }
      String version = metadata.getOrDefault("model_version", "sha256-" + sha256(bytes));
      return new ModelInfo(
          version,
          source,
          clock.instant(),
          INPUT,
          OUTPUT,
          FeatureLayout.FEATURES,
          metadata,
          lookAhead,
          power);
    } catch (OrtException | ModelUnavailableException e) {
      throw new InvalidModelException(source + " cannot be run: " + e.getMessage(), e);
    }
  }

  /** A settled room at 24 °C held at 21 °C, candidate 21 °C: a model served answers it finitely. */
  private static float[] probe() {
    float[] probe = new float[FeatureLayout.FEATURES];
    for (int s = 0; s < FeatureLayout.WINDOW; s++) {
      probe[FeatureLayout.index(s, FeatureLayout.INDOOR_TEMPERATURE_OFFSET)] = 24f;
      probe[FeatureLayout.index(s, FeatureLayout.INDOOR_HUMIDITY_OFFSET)] = 45f;
      probe[FeatureLayout.index(s, FeatureLayout.OUTDOOR_TEMPERATURE_OFFSET)] = 20f;
      probe[FeatureLayout.index(s, FeatureLayout.OUTDOOR_HUMIDITY_OFFSET)] = 60f;
      probe[FeatureLayout.index(s, FeatureLayout.WEATHER_CATEGORY_OFFSET)] = 1f;
      probe[FeatureLayout.index(s, FeatureLayout.SETPOINT_OFFSET)] = 21f;
    }
    probe[FeatureLayout.CANDIDATE_INDEX] = 21f;
    return probe;
  }

  /**
   * A head the metadata declares; metadata that declares one it cannot describe (half of it, or a
   * horizon that is not seconds) refuses the model.
   */
  private static <T> Optional<T> declared(String source, Supplier<Optional<T>> head) {
    try {
      return head.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidModelException(source + ": " + e.getMessage(), e);
    }
  }

  /** The model has the outputs expected and no other: an unknown one would be a mistake. */
  private static void requireOutputs(Map<String, NodeInfo> outputs, Set<String> expected) {
    if (expected.size() == 1) {
      requireOnly(outputs, expected.iterator().next(), "output");
    } else if (!outputs.keySet().equals(expected)) {
      throw new InvalidModelException(
          "the model must have the outputs "
              + expected.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
              + " only, it has "
              + outputs.keySet());
    }
  }

  private static void requireOnly(Map<String, NodeInfo> nodes, String name, String kind) {
    if (nodes.size() != 1) {
      throw new InvalidModelException(
          "the model must have one " + kind + " '" + name + "', it has " + nodes.keySet());
    }
  }

  private static void requireTensor(
      Map<String, NodeInfo> nodes, String name, String kind, int columns) {
    if (!nodes.containsKey(name)) {
      throw new InvalidModelException(
          "the model must have the " + kind + " '" + name + "', it has " + nodes.keySet());
    }
    if (!(nodes.get(name).getInfo() instanceof TensorInfo tensor)
        || tensor.type != OnnxJavaType.FLOAT) {
      throw new InvalidModelException(
          "the model's " + kind + " '" + name + "' must be a float32 tensor");
    }
    long[] shape = tensor.getShape();
    if (shape.length != 2 || shape[1] != columns || shape[0] != -1) {
      throw new InvalidModelException(
          "the model's "
              + kind
              + " '"
              + name
              + "' must have shape [N, "
              + columns
              + "], it has "
              + Arrays.toString(shape));
    }
  }

  private InvalidModelException fail(String message, Throwable cause) {
    lastError = message;
    return new InvalidModelException(message, cause);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warning("could not close an ONNX Runtime session: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      Loaded current = loaded;
      loaded = null;
      if (current != null) {
        closeQuietly(current.session());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
