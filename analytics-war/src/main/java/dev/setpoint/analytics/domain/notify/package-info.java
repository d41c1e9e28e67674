/**
 * Delivering alerts to the people and systems that subscribed to them, in the shape of EdgeX's
 * support-notifications v3: a {@link dev.setpoint.analytics.domain.notify.Subscription} says which
 * alerts (severities, kinds, events, sites, rooms) go to which {@link
 * dev.setpoint.analytics.domain.notify.Channel}s (a webhook, e-mail recipients); each alert event a
 * subscription matches becomes one {@link dev.setpoint.analytics.domain.notify.Transmission} per
 * channel, recorded before it is sent and kept with its attempts and its {@link
 * dev.setpoint.analytics.domain.notify.TransmissionStatus} (a dead letter when the receiver kept
 * failing). The ports: the stores ({@link dev.setpoint.analytics.domain.notify.SubscriptionStore},
 * {@link dev.setpoint.analytics.domain.notify.TransmissionStore}) and the {@link
 * dev.setpoint.analytics.domain.notify.ChannelSender}s.
 */
package dev.setpoint.analytics.domain.notify;
