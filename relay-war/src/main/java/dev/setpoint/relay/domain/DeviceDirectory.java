package dev.setpoint.relay.domain;

import java.util.Optional;

/** The devices registered at this edge (ingest's Core Metadata), as the relay reads them. */
public interface DeviceDirectory {

  /** The device of this name, or empty when none is registered. */
  Optional<KnownDevice> device(String name);
}
