package dev.setpoint.ingest.application.legacy;

import java.util.List;
import java.util.Optional;

/**
 * What v1 knows that v3 has no place for: value descriptors (they also become the generated
 * profile's resources) and addressables. Names are unique.
 */
public interface LegacyRegistry {

  /**
   * @throws dev.setpoint.ingest.domain.DuplicateNameException the name is taken
   */
  void add(ValueDescriptor descriptor);

  List<ValueDescriptor> valueDescriptors();

  /**
   * @throws dev.setpoint.ingest.domain.DuplicateNameException the name is taken
   */
  void add(Addressable addressable);

  Optional<Addressable> addressable(String name);
}
