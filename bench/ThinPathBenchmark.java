/*
 * Thin-path benchmark: events per second from HTTP clients through ingest, MongoDB, relay, Kafka
 * and analytics into InfluxDB, on a running stack (./setpoint start). Now the thin-path mode of
 * bench/IngestBenchmark.java, which shares its load generator with the ingest benchmark; this file
 * keeps the command of docs/benchmarks.md working (the JDK 22+ source launcher finds
 * IngestBenchmark.java beside it; on JDK 21 run `java bench/IngestBenchmark.java thin-path ...`):
 *
 *   java bench/ThinPathBenchmark.java [--url http://127.0.0.1:9080] [--influx http://127.0.0.1:8086]
 *                                     [--events 20000] [--clients 16] [--device-count 64] [--samples 20]
 *
 * Phase 1 posts --events EdgeX v3 events (two readings each) from --clients concurrent clients,
 * each waiting for its 201 before the next post (closed loop), and reports the accepted rate and
 * post latency. Phase 2 waits until InfluxDB holds every one of them and reports the end-to-end
 * rate. Phase 3 posts --samples single events on an idle pipeline, one at a time, and reports how
 * long each took from the post to being readable with InfluxQL.
 */
public class ThinPathBenchmark {
  public static void main(String[] args) throws Exception {
    String[] thinPath = new String[args.length + 1];
    thinPath[0] = "thin-path";
    for (int i = 0; i < args.length; i++) {
      // The option was called --devices here before it became IngestBenchmark's device list.
      thinPath[i + 1] = args[i].equals("--devices") ? "--device-count" : args[i];
    }
    IngestBenchmark.main(thinPath);
  }
}
