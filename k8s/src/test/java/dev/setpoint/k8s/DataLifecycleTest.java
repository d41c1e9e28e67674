package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.k8s.Rendered.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The time-series store's lifecycle on InfluxDB 2.x as the overlays deploy it: the Job that makes
 * the roll-up buckets and tasks, the retention it sets and the retention analytics is told agree,
 * and the Flux tasks roll up the same fields as the single machine's continuous queries ({@code
 * stack/influx.sh}), so the two stores hold the same roll-ups.
 */
class DataLifecycleTest {
  private static final List<String> TASKS =
      List.of(
          "climate-1m.flux", "climate-1h.flux", "room-1m.flux", "room-1h.flux", "energy-1h.flux");

  @ParameterizedTest
  @ValueSource(strings = {"cloud", "all-in-one"})
  void theJobsRetentionIsTheOneAnalyticsReadsBy(String overlay) {
    Rendered r = Kustomize.render(overlay);
    Workload job = job(r);
    Map<String, String> jobEnv = literal(r, job, job.containers().findFirst().orElseThrow());
    Workload reader =
        r.deployments().stream()
            .filter(w -> w.name().equals("analytics") || w.name().equals("setpoint"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no analytics in " + overlay));
    Map<String, String> analytics =
        literal(
            r,
            reader,
            reader
                .containers()
                .filter(c -> !c.getName().startsWith("init"))
                .findFirst()
                .orElseThrow());

    assertEquals(
        "P" + jobEnv.get("SETPOINT_INFLUX_RAW_RETENTION_DAYS") + "D",
        analytics.get("SETPOINT_ANALYTICS_HISTORY_RAW_RETENTION"),
        overlay);
    assertEquals(
        "P" + jobEnv.get("SETPOINT_INFLUX_ROLLUP_RETENTION_DAYS") + "D",
        analytics.get("SETPOINT_ANALYTICS_HISTORY_ROLLUP_RETENTION"),
        overlay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud", "all-in-one"})
  void theJobCarriesEveryTaskEachNamedOnceWritingARollUpBucket(String overlay) {
    Rendered r = Kustomize.render(overlay);
    Map<String, String> scripts = scripts(r);

    Set<String> names = new TreeSet<>();
    for (String task : TASKS) {
      String flux = scripts.get(task);
      assertTrue(flux != null, task + " is not in the Job's ConfigMap: " + scripts.keySet());
      Matcher name =
          Pattern.compile("option task = \\{name: \"([^\"]+)\", every: (1m|1h)").matcher(flux);
      assertTrue(name.find(), task + " has no task option");
      assertTrue(names.add(name.group(1)), "two tasks named " + name.group(1));
      assertTrue(
          flux.contains("to(bucket: \"setpoint_1m\"")
              || flux.contains("to(bucket: \"setpoint_1h\""),
          task + " writes no roll-up bucket");
      // The backfill widens exactly this range to all time (dbrp.sh).
      assertTrue(
          flux.matches("(?s).*range\\(start: -[0-9]+[mhd]\\).*"), task + ": no relative range");
    }
    assertTrue(scripts.get("dbrp.sh").contains("ensure_task"), "dbrp.sh makes no tasks");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud"})
  void theFluxTasksRollUpTheFieldsTheContinuousQueriesDo(String overlay) {
    Map<String, String> scripts = scripts(Kustomize.render(overlay));
    String stack = Repository.read(Repository.root().resolve("stack/influx.sh"));
    String minute = scripts.get("climate-1m.flux");

    assertEquals(bashArray(stack, "INFLUX_ROLLUP_GAUGES"), fluxArray(minute, "gauges"));
    assertEquals(bashArray(stack, "INFLUX_ROLLUP_COUNTERS"), fluxArray(minute, "counters"));
    // Energy is the counters' rise, summed into hours, never their mean.
    assertTrue(minute.contains("difference(nonNegative: true)"), minute);
    assertTrue(stack.contains("non_negative_difference(last("), "stack/influx.sh");
    assertTrue(scripts.get("climate-1h.flux").contains("by(prefix: \"sum_\", fn: sum)"));
  }

  private static Workload job(Rendered r) {
    return r.workloads().stream()
        .filter(w -> w.name().equals("influxdb-dbrp"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Job influxdb-dbrp in " + r.overlay()));
  }

  private static Map<String, String> scripts(Rendered r) {
    Workload job = job(r);
    String map =
        job.template().getSpec().getVolumes().stream()
            .filter(v -> v.getConfigMap() != null)
            .findFirst()
            .orElseThrow()
            .getConfigMap()
            .getName();
    return r.find(ConfigMap.class, job.namespace(), map).orElseThrow().getData();
  }

  private static Map<String, String> literal(Rendered r, Workload w, Container c) {
    Map<String, String> env = new HashMap<>();
    for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        r.find(ConfigMap.class, w.namespace(), from.getConfigMapRef().getName())
            .ifPresent(m -> env.putAll(m.getData()));
      }
    }
    for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
      if (e.getValueFrom() == null) {
        env.put(e.getName(), e.getValue());
      }
    }
    return env;
  }

  private static List<String> bashArray(String script, String name) {
    String body = Repository.firstGroup(script, "(?s)" + name + "=\\(([^)]*)\\)");
    return List.of(body.trim().split("\\s+"));
  }

  private static List<String> fluxArray(String flux, String name) {
    String body = Repository.firstGroup(flux, "(?s)\\n" + name + " = \\[([^]]*)\\]");
    return Pattern.compile("\"([^\"]+)\"").matcher(body).results().map(m -> m.group(1)).toList();
  }
}
