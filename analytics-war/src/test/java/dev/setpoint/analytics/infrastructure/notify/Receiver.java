package dev.setpoint.analytics.infrastructure.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on the JDK's HTTP server, on a free port of the loopback address: it keeps
 * every request and answers the status {@code answer} gives for the request's number (from 1), or
 * holds the request until {@link #close} when it gives 0 (a receiver that hangs).
 */
final class Receiver implements AutoCloseable {
  /** A request as received. */
  record Request(String method, com.sun.net.httpserver.Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  Receiver(IntUnaryOperator answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          int n;
          synchronized (requests) {
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes()));
            n = requests.size();
          }
          int status = answer.applyAsInt(n);
          if (status == 0) {
            try {
              closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
          }
          respond(exchange, status);
        });
    server.start();
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    if (status / 100 == 3) {
      exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/hook");
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
