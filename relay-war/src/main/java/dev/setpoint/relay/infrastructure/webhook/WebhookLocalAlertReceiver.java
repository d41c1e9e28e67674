package dev.setpoint.relay.infrastructure.webhook;

import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.alert.WebhookSignature;
import dev.setpoint.relay.config.EdgeAlertsConfig;
import dev.setpoint.relay.domain.LocalAlertReceiver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The site's LAN webhook ({@code setpoint.relay.alerts.webhook-url}): one POST per alert change,
 * its body the change as {@link EdgeAlertCodec} writes it, signed as the cloud signs its webhooks
 * ({@link WebhookSignature}: {@code X-Setpoint-Timestamp}, {@code X-Setpoint-Signature} with the
 * configured secret, {@code X-Setpoint-Delivery} the same on every attempt, {@code
 * X-Setpoint-Event}). A 2xx answer is delivered; anything else, no connection or no answer within
 * {@code setpoint.relay.alerts.timeout} is a failure. Redirects are not followed. A URL that is not
 * http(s) stops the deployment, naming the key.
 */
@ApplicationScoped
public class WebhookLocalAlertReceiver implements LocalAlertReceiver {
  private final Optional<URI> url;
  private final Optional<String> secret;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient client;
  private final EdgeAlertCodec codec = new EdgeAlertCodec();

  @Inject
  public WebhookLocalAlertReceiver(EdgeAlertsConfig config) {
    this(config.webhookUrl, config.webhookSecret, config.timeout, Clock.systemUTC());
  }

  public WebhookLocalAlertReceiver(
      Optional<String> url, Optional<String> secret, Duration timeout, Clock clock) {
    this.url = url.filter(u -> !u.isBlank()).map(WebhookLocalAlertReceiver::check);
    this.secret = secret.filter(s -> !s.isEmpty());
    this.timeout = timeout;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** For CDI's proxy only. */
  protected WebhookLocalAlertReceiver() {
    this.url = Optional.empty();
    this.secret = Optional.empty();
    this.timeout = null;
    this.clock = null;
    this.client = null;
  }

  static URI check(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "setpoint.relay.alerts.webhook-url is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "setpoint.relay.alerts.webhook-url must be an http or https URL with a host");
    }
    return uri;
  }

  @Override
  public boolean configured() {
    return url.isPresent();
  }

  @Override
  public Delivery deliver(String deliveryId, EdgeAlert alert) {
    if (url.isEmpty()) {
      return new Delivery(false, "no webhook configured");
    }
    byte[] body = codec.encode(alert).getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.get())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Setpoint-Relay-Alerts")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
            .header(WebhookSignature.EVENT_HEADER, alert.event().code())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    secret.ifPresent(
        s ->
            request.header(
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(s, timestamp, body)));
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      int status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      return new Delivery(status / 100 == 2, "HTTP " + status);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new Delivery(false, "no answer within " + timeout);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new Delivery(false, "interrupted");
    } catch (ExecutionException e) {
      return new Delivery(false, "failed: " + e.getCause());
    }
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }
}
