package dev.setpoint.ingest.application.legacy;

/** A v1 addressable. Its password is deliberately not part of it: never stored, never echoed. */
public record Addressable(
    String id,
    String name,
    String protocol,
    String address,
    Integer port,
    String path,
    String publisher,
    String user,
    String topic) {}
