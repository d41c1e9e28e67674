package dev.setpoint.device;

import dev.setpoint.device.config.AgentConfig;
import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.config.Settings;
import dev.setpoint.device.edge.HubTls;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The running agents of this process, wired from the settings: one real device (its room's
 * controller with sensor, actuator and energy meter from the settings, or with {@code device.role =
 * sensor} a sensor-only device of profile {@code room-sensor}), or with {@code simulate = N} N
 * simulated rooms, each a device of profile {@code room-controller} and with {@code
 * fleet.rack-sensors} also that many of profile {@code room-sensor}; every device on its own
 * virtual thread, all sharing one HTTP client. Registers every device that has no token yet before
 * starting. The settings are read once ({@link AgentConfig}); each part goes to the factory that
 * builds from it.
 */
public final class Agents implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  private final List<DeviceAgent> agents;
  private final Resources resources;
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Duration statsEvery;
  private volatile boolean closed;

  private Agents(List<DeviceAgent> agents, Resources resources, Duration statsEvery) {
    this.agents = agents;
    this.resources = resources;
    this.statsEvery = statsEvery;
  }

  /** Reads the settings, then builds, registers and starts the agents. */
  public static Agents start(Settings s)
      throws ConfigException, IOException, RegistrationException, InterruptedException {
    return start(AgentConfig.read(s), Clock.systemUTC());
  }

  /**
   * Builds, registers and starts the agents. What was opened before a failure (the Pi4J context,
   * sensors, actuators, journals) is closed again.
   */
  static Agents start(AgentConfig config, Clock clock)
      throws IOException, RegistrationException, InterruptedException {
    StateDirectory state = StateDirectory.open(config.stateDir());
    IngestClient ingest = new IngestClient(config.ingest());
    TokenStore tokens = new TokenStore(state.tokens());
    String host = hostName();
    Resources resources = new Resources();
    try {
      Pi4jContext pi4j = resources.add(new Pi4jContext());
      List<Room> rooms =
          new RoomFactory(
                  host,
                  new SensorFactory(pi4j),
                  new ActuatorFactory(pi4j),
                  config
                      .setpoint()
                      .map(p -> new SimulatedRooms(clock, p.initial(), host, config.trip())),
                  resources)
              .create(config.devices());
      rooms.forEach(Agents::warnIfNeverCommanded);
      new RegistrationFactory(config.registration(), config.backoff(), ingest, tokens)
          .create()
          .ensure(rooms.stream().map(Room::registration).toList());
      DeviceAgentFactory agentFactory =
          new DeviceAgentFactory(
              config.setpoint(),
              config.interval(),
              ingest,
              tokens,
              new DeliveryFactory(
                  state, config.maxEvents(), config.backoff(), ingest, tokens, clock, resources),
              clock);
      List<DeviceAgent> agents = new ArrayList<>();
      for (Room room : rooms) {
        agents.add(agentFactory.create(room));
      }
      Agents running = new Agents(agents, resources, config.statsEvery());
      running.startThreads(config.interval());
      LOG.info(
          () ->
              "started "
                  + agents.size()
                  + " agent(s) against "
                  + config.ingest().url()
                  + (config.ingest().url().getScheme().equalsIgnoreCase("https")
                      ? " (trusting " + HubTls.describe(config.ingest().trust()) + ")"
                      : "")
                  + ", every "
                  + config.interval()
                  + (config.devices() instanceof DevicesConfig.Fleet
                      ? ""
                      : ", "
                          + rooms.get(0).id().profile()
                          + " with sensor "
                          + rooms.get(0).sensor().describe()
                          + rooms.get(0).meter().map(m -> " and " + m.describe()).orElse("")));
      return running;
    } catch (IOException | RegistrationException | InterruptedException | RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /**
   * A room sensor outside any room is a room of its own, and no controller is in it: analytics
   * records it, but has nothing to command. Allowed (a sensor set up before its room's controller),
   * but worth a warning.
   */
  private static void warnIfNeverCommanded(Room room) {
    DeviceIdentity id = room.id();
    if (!id.controls() && id.room().isEmpty()) {
      LOG.warning(
          () ->
              id.name()
                  + " is a room sensor without device.room: a room of its own with no controller,"
                  + " so analytics records its readings but never commands its room (set"
                  + " device.room to the room its controller is in)");
    }
  }

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
    resources.close();
    stopped.countDown();
  }
}
