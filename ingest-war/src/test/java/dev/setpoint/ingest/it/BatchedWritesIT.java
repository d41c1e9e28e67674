package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Concurrent posts through the batch writer: every caller gets its own, exact answer. */
@ExtendWith(ArquillianExtension.class)
class BatchedWritesIT {
  private static MongoClient mongo;
  private static EdgeLogView events;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    events = new EdgeLogView(mongo.getDatabase("setpoint"));
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
  }

  @Test
  void sixtyFourParallelPostsWithDuplicatesStoreEachIdOnce() throws Exception {
    IngestApi api = new IngestApi(base);
    String device = "rack-batch-" + UUID.randomUUID();
    // 40 ids posted once, 12 ids posted twice at the same moment: 64 posts, 52 distinct ids, within
    // the device's duplicate window (setpoint.ingest.buffer.dedup.per-device, 64).
    List<String> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      posts.add(UUID.randomUUID().toString());
    }
    for (int i = 0; i < 12; i++) {
      String id = UUID.randomUUID().toString();
      posts.add(id);
      posts.add(id);
    }
    Collections.shuffle(posts);
    CyclicBarrier start = new CyclicBarrier(posts.size());
    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(posts.size())) {
      for (int i = 0; i < posts.size(); i++) {
        String id = posts.get(i);
        long origin = 1_764_316_800_000_000_000L + i;
        answers.add(
            clients.submit(
                () -> {
                  start.await();
                  HttpResponse<String> response = api.postEvent(id, device, origin);
                  return response.statusCode();
                }));
      }
      Map<Integer, Integer> byStatus = new TreeMap<>();
      for (Future<Integer> answer : answers) {
        byStatus.merge(answer.get(), 1, Integer::sum);
      }
      assertEquals(Map.of(201, 52, 409, 12), byStatus);
    }
    assertEquals(52, events.countOf("deviceName", device));
    for (String id : posts) {
      assertEquals(1, events.countOf("_id", id), id);
    }
  }
}
