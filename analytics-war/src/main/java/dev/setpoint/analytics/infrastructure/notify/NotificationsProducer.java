package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.notify.Notifications;
import dev.setpoint.analytics.application.notify.RetryPolicy;
import dev.setpoint.analytics.application.notify.Subscriptions;
import dev.setpoint.analytics.application.notify.WebhookTargets;
import dev.setpoint.analytics.config.NotifyConfig;
import dev.setpoint.analytics.domain.alert.AlertNotifier;
import dev.setpoint.analytics.domain.notify.ChannelSender;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.SubscriptionStore;
import dev.setpoint.analytics.domain.notify.TransmissionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The application's one {@link Notifications} (the alert engine's {@link AlertNotifier}: inject
 * either type) and {@link Subscriptions}, over the MongoDB stores, with the webhook sender and,
 * when {@code setpoint.analytics.notify.smtp.host} is set, the e-mail sender, on the managed
 * scheduler. At start it queues again what is still to be sent. A configuration that cannot work
 * (no attempt, a zero wait or timeout) stops the deployment with the key at fault.
 */
@ApplicationScoped
public class NotificationsProducer {
  private static final Logger LOG = Logger.getLogger(NotificationsProducer.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final SubscriptionStore subscriptionStore;
  private final TransmissionStore transmissionStore;
  private final AuditTrail audit;
  private final NotifyConfig config;

  private Notifications notifications;
  private Subscriptions subscriptions;
  private WebhookSender webhooks;

  @Inject
  public NotificationsProducer(
      SubscriptionStore subscriptionStore,
      TransmissionStore transmissionStore,
      AuditTrail audit,
      NotifyConfig config) {
    this.subscriptionStore = subscriptionStore;
    this.transmissionStore = transmissionStore;
    this.audit = audit;
    this.config = config;
  }

  /** For CDI's proxy only. */
  protected NotificationsProducer() {
    this.subscriptionStore = null;
    this.transmissionStore = null;
    this.audit = null;
    this.config = null;
  }

  @PostConstruct
  void build() {
    Clock clock = Clock.systemUTC();
    RetryPolicy retry = retryPolicy(config);
    Duration timeout = positive("setpoint.analytics.notify.timeout", config.timeout);
    Set<Integer> ownPorts = new HashSet<>();
    for (int port : new int[] {config.httpPort, config.httpsPort}) {
      if (port > 0) {
        ownPorts.add(port);
      }
    }
    WebhookTargets targets = new WebhookTargets(ownPorts, WebhookTargets.SYSTEM);
    webhooks = new WebhookSender(timeout, targets, clock);
    Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    senders.put(ChannelType.REST, webhooks);
    SmtpSettings smtp = smtp(config, timeout);
    if (smtp != null) {
      senders.put(ChannelType.EMAIL, new EmailSender(smtp, clock));
      LOG.info(() -> "notifications: e-mail through " + smtp);
    }
    notifications =
        new Notifications(subscriptionStore, transmissionStore, senders, scheduler, retry, clock);
    subscriptions =
        new Subscriptions(
            subscriptionStore, audit, targets, smtp != null, Subscriptions::newSecret, clock);
  }

  static RetryPolicy retryPolicy(NotifyConfig config) {
    try {
      return new RetryPolicy(config.maxAttempts, config.retryInitial, config.retryMax);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "setpoint.analytics.notify.max-attempts, retry-initial, retry-max: " + e.getMessage(), e);
    }
  }

  /** The SMTP settings, or null when no host is set. */
  static SmtpSettings smtp(NotifyConfig config, Duration timeout) {
    String host = config.smtpHost.map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
    if (host == null) {
      return null;
    }
    if (config.smtpPort < 1 || config.smtpPort > 65535) {
      throw new IllegalArgumentException(
          "setpoint.analytics.notify.smtp.port must be from 1 to 65535, not " + config.smtpPort);
    }
    return new SmtpSettings(
        host,
        config.smtpPort,
        config.smtpFrom,
        config.smtpUser.filter(u -> !u.isBlank()).orElse(null),
        config.smtpPassword.orElse(null),
        config.smtpStartTls,
        timeout);
  }

  private static Duration positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, not " + d);
    }
    return d;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    notifications.start();
  }

  @Produces
  Notifications notifications() {
    return notifications;
  }

  @Produces
  Subscriptions subscriptions() {
    return subscriptions;
  }

  @PreDestroy
  void stop() {
    notifications.stop();
    webhooks.close();
  }
}
