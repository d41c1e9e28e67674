package dev.setpoint.contracts.audit;

import java.time.Instant;

/**
 * One change, as the audit trail keeps it: append-only, never updated. Every WAR writes the same
 * shape; the edge's records reach the cloud through the outbox and {@code Topics#AUDIT}.
 *
 * @param id a random UUID, the record's identity end to end (a redelivered record is stored once)
 * @param at when the change was made (or the login tried)
 * @param actor who made it: a user name, a device name, {@code recommender} or {@code system}
 * @param role the actor's role ({@code viewer}, {@code operator}, {@code admin}), {@code device}
 *     for a device token, or null when no one was authenticated (a failed login)
 * @param address where the request came from (the TCP peer), or null for the service's own work
 * @param origin which service recorded it: {@code ingest}, {@code relay} or {@code analytics}, with
 *     {@code @<site>} for an edge hub that has one
 * @param kind what was changed, e.g. {@code command}, {@code hold}, {@code room_mode}, {@code
 *     device}, {@code profile}, {@code service}, {@code device_token}, {@code user}, {@code
 *     alert_rule}, {@code alert}, {@code subscription}, {@code model}, {@code login}
 * @param action what was done to it, e.g. {@code create}, {@code update}, {@code delete}, {@code
 *     lock}, {@code unlock}, {@code issue}, {@code rotate}, {@code revoke}, {@code acknowledge},
 *     {@code reload}, {@code success}, {@code failure}
 * @param target the name of what was changed (a device, room, profile, user, rule scope, alert id)
 * @param device the device concerned, or null
 * @param site the site concerned, or null
 * @param room the room concerned, or null
 * @param before the changed thing's state before, as JSON text, or null when it did not exist
 * @param after its state after, as JSON text, or null when it no longer exists
 */
public record AuditRecord(
    String id,
    Instant at,
    String actor,
    String role,
    String address,
    String origin,
    String kind,
    String action,
    String target,
    String device,
    String site,
    String room,
    String before,
    String after) {}
