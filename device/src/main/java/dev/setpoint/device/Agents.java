package dev.setpoint.device;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.actuator.LogActuator;
import dev.setpoint.device.actuator.RelayThermostat;
import dev.setpoint.device.actuator.SafeRange;
import dev.setpoint.device.actuator.SetpointGuard;
import dev.setpoint.device.buffer.Backoff;
import dev.setpoint.device.buffer.EventJournal;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.config.Key;
import dev.setpoint.device.config.Settings;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.OperatorToken;
import dev.setpoint.device.edge.Registration;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.edge.TokenStore;
import dev.setpoint.device.sensor.Bme280Sensor;
import dev.setpoint.device.sensor.IioDhtSensor;
import dev.setpoint.device.sensor.Sensor;
import dev.setpoint.device.sensor.SensorException;
import dev.setpoint.device.sim.SimulatedAirConditioner;
import dev.setpoint.device.sim.SimulatedRoom;
import dev.setpoint.device.sim.SimulatedRoomSensor;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.SiteClimate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The running agents of this process, wired from the settings: one real device (sensor + actuator
 * from the settings), or with {@code simulate = N} N simulated rooms, each one device of profile
 * {@code room-controller} on its own virtual thread, sharing one HTTP client. Registers every
 * device that has no token yet before starting.
 */
public final class Agents implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  private final List<DeviceAgent> agents;
  private final List<AutoCloseable> resources;
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Duration statsEvery;
  private volatile boolean closed;

  private Agents(List<DeviceAgent> agents, List<AutoCloseable> resources, Duration statsEvery) {
    this.agents = agents;
    this.resources = resources;
    this.statsEvery = statsEvery;
  }

  /** Builds, registers and starts the agents. */
  public static Agents start(Settings s)
      throws ConfigException, IOException, RegistrationException, InterruptedException {
    Clock clock = Clock.systemUTC();
    Path state = Path.of(s.string(Key.STATE_DIR));
    Files.createDirectories(state.resolve("journal"));
    try {
      Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.fine("no POSIX permissions on " + state);
    }
    IngestClient ingest =
        new IngestClient(URI.create(s.string(Key.INGEST_URL)), s.duration(Key.INGEST_TIMEOUT));
    TokenStore tokens = new TokenStore(state.resolve("tokens.properties"));
    SafeRange range = new SafeRange(s.number(Key.SETPOINT_MIN), s.number(Key.SETPOINT_MAX));
    double initial = s.number(Key.SETPOINT_INITIAL);
    if (!range.contains(initial)) {
      throw s.bad(Key.SETPOINT_INITIAL, "is outside the safe range " + range);
    }
    Duration interval = s.duration(Key.INTERVAL);
    int maxEvents = s.integer(Key.BUFFER_MAX_EVENTS, 1, 10_000_000);
    Duration backoffInitial = s.duration(Key.BACKOFF_INITIAL);
    Duration backoffMax = s.duration(Key.BACKOFF_MAX);
    int simulate = s.integer(Key.SIMULATE, 0, 100_000);
    String service = s.string(Key.SERVICE);
    String site = s.string(Key.SITE);
    String host = hostName();

    List<AutoCloseable> resources = new ArrayList<>();
    List<DeviceAgent> agents = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    if (simulate > 0) {
      String prefix = s.string(Key.FLEET_PREFIX);
      SplittableRandom seeds =
          new SplittableRandom(s.integer(Key.FLEET_SEED, 0, Integer.MAX_VALUE));
      for (int i = 1; i <= simulate; i++) {
        String name = String.format("%s-%04d", prefix, i);
        DeviceIdentity id = new DeviceIdentity(name, service, site);
        RoomSimulator simulator =
            new RoomSimulator(
                RoomParameters.defaults(),
                SiteClimate.GWANGJU,
                seeds.nextInt(365),
                20 + seeds.nextDouble() * 6,
                seeds.nextLong());
        SimulatedRoom room = new SimulatedRoom(simulator, clock, 1, initial);
        parts.add(
            new Part(id, new SimulatedRoomSensor(room, name), new SimulatedAirConditioner(room)));
        devices.add(id.device(host, "simulated"));
      }
    } else {
      String name = s.string(Key.DEVICE_NAME).isEmpty() ? host : s.string(Key.DEVICE_NAME);
      DeviceIdentity id = new DeviceIdentity(name, service, site);
      String kind = s.choice(Key.SENSOR, "dht22", "dht11", "bme280", "simulated");
      String actuatorKind = s.choice(Key.ACTUATOR, "log", "relay");
      Context pi4j = null;
      if (kind.equals("bme280") || actuatorKind.equals("relay")) {
        pi4j = Pi4J.newAutoContext();
        Context context = pi4j;
        resources.add(context::shutdown);
      }
      Sensor sensor;
      Actuator actuator;
      if (kind.equals("simulated")) {
        SimulatedRoom room =
            new SimulatedRoom(RoomSimulator.gwangju(name.hashCode()), clock, 1, initial);
        sensor = new SimulatedRoomSensor(room, name);
        actuator = new SimulatedAirConditioner(room);
      } else {
        sensor =
            switch (kind) {
              case "bme280" -> {
                try {
                  yield Bme280Sensor.open(
                      pi4j, s.integer(Key.I2C_BUS, 0, 255), s.integer(Key.I2C_ADDRESS, 0, 0x7F));
                } catch (SensorException e) {
                  throw new IOException(e.getMessage(), e);
                }
              }
              default ->
                  new IioDhtSensor(
                      kind,
                      Path.of(s.string(Key.IIO_DEVICE)),
                      s.integer(Key.SENSOR_ATTEMPTS, 1, 100),
                      s.duration(Key.SENSOR_RETRY_DELAY));
            };
        actuator = actuatorKind.equals("relay") ? relay(pi4j, s) : new LogActuator(name);
      }
      parts.add(new Part(id, sensor, actuator));
      devices.add(id.device(host, kind));
    }

    new Registration(
            ingest,
            tokens,
            operatorToken(s, ingest),
            s.bool(Key.ROTATE_TOKEN),
            new Backoff(backoffInitial, backoffMax))
        .ensure(devices);

    for (Part part : parts) {
      resources.add(part.sensor());
      resources.add(part.actuator());
      EventJournal journal =
          new EventJournal(
              state.resolve("journal").resolve(part.id().name() + ".journal"), maxEvents);
      resources.add(journal);
      if (journal.size() > 0) {
        LOG.info(() -> part.id().name() + ": " + journal.size() + " buffered events to resend");
      }
      Outbox outbox =
          new Outbox(
              journal,
              event -> ingest.post(event, tokens.get(event.device()).orElse(null)),
              new Backoff(backoffInitial, backoffMax),
              clock);
      SetpointGuard guard = new SetpointGuard(part.id().name(), range, part.actuator(), initial);
      agents.add(
          new DeviceAgent(
              part.id(),
              part.sensor(),
              part.actuator(),
              guard,
              outbox,
              ingest,
              tokens,
              clock,
              interval));
    }
    Agents running = new Agents(agents, resources, s.duration(Key.STATS_EVERY));
    running.startThreads(interval);
    LOG.info(
        () ->
            "started "
                + agents.size()
                + " agent(s) against "
                + s.string(Key.INGEST_URL)
                + ", every "
                + interval
                + (simulate > 0 ? "" : ", sensor " + parts.get(0).sensor().describe()));
    return running;
  }

  private record Part(DeviceIdentity id, Sensor sensor, Actuator actuator) {}

  private void startThreads(Duration interval) {
    SplittableRandom stagger = new SplittableRandom(agents.size());
    for (DeviceAgent agent : agents) {
      // Spread a fleet's first ticks over one interval, so its posts do not come in bursts.
      long delay = agents.size() == 1 ? 0 : stagger.nextLong(Math.max(1, interval.toMillis()));
      threads.add(
          Thread.ofVirtual()
              .name("agent-" + agent.identity().name())
              .start(
                  () -> {
                    try {
                      Thread.sleep(delay);
                      agent.run();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    if (agents.size() > 1) {
      threads.add(Thread.ofVirtual().name("fleet-stats").start(this::logStats));
    }
  }

  private void logStats() {
    long lastDelivered = totalDelivered();
    long lastTime = System.nanoTime();
    try {
      while (!closed) {
        Thread.sleep(statsEvery);
        long delivered = totalDelivered();
        long now = System.nanoTime();
        double rate = (delivered - lastDelivered) * 1e9 / (now - lastTime);
        int buffered = agents.stream().mapToInt(a -> a.outbox().buffered()).sum();
        Runtime rt = Runtime.getRuntime();
        LOG.info(
            String.format(
                "fleet: %d devices, %d events delivered (%.1f/s), %d buffered, heap used %d MB",
                agents.size(),
                delivered,
                rate,
                buffered,
                (rt.totalMemory() - rt.freeMemory()) >> 20));
        lastDelivered = delivered;
        lastTime = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long totalDelivered() {
    return agents.stream().mapToLong(a -> a.outbox().delivered()).sum();
  }

  public List<DeviceAgent> agents() {
    return agents;
  }

  /** Blocks until {@link #close} is called. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  private static RelayThermostat relay(Context pi4j, Settings s)
      throws IOException, ConfigException {
    int pin = s.integer(Key.RELAY_PIN, 0, 63);
    try {
      return new RelayThermostat(
          pi4j, pin, s.bool(Key.RELAY_ACTIVE_HIGH), s.number(Key.HYSTERESIS));
    } catch (RuntimeException e) { // Pi4JException, or gpiod's "No gpio chip" off a Pi
      throw new IOException("cannot drive the relay on GPIO " + pin + ": " + e.getMessage(), e);
    }
  }

  private static OperatorToken operatorToken(Settings s, IngestClient ingest) {
    return () -> {
      if (!s.string(Key.OPERATOR_TOKEN).isEmpty()) {
        return s.string(Key.OPERATOR_TOKEN).trim();
      }
      if (!s.string(Key.OPERATOR_TOKEN_FILE).isEmpty()) {
        return Files.readString(Path.of(s.string(Key.OPERATOR_TOKEN_FILE)), StandardCharsets.UTF_8)
            .trim();
      }
      if (!s.string(Key.OPERATOR_PASSWORD_FILE).isEmpty()) {
        String password =
            Files.readString(Path.of(s.string(Key.OPERATOR_PASSWORD_FILE)), StandardCharsets.UTF_8)
                .trim();
        return ingest.login(s.string(Key.OPERATOR_USERNAME), password);
      }
      throw new IOException(
          "set operator.token, operator.token-file or operator.password-file (see --help)");
    };
  }

  private static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.replaceAll("[^A-Za-z0-9._~-]", "-");
    } catch (IOException e) {
      return "setpoint-device";
    }
  }

  /** Stops the agents (each finishes its current attempt), then closes outputs and journals. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (AutoCloseable r : resources.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warning("closing " + r + ": " + e);
      }
    }
    stopped.countDown();
  }
}
