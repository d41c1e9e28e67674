package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.ingest.application.legacy.Addressable;
import dev.setpoint.ingest.application.legacy.LegacyRegistry;
import dev.setpoint.ingest.application.legacy.ValueDescriptor;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.infrastructure.persistence.document.LegacyAddressableDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.LegacyValueDescriptorDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;
import java.util.Optional;

/** v1 value descriptors and addressables, each keyed by its name so MongoDB keeps names unique. */
@ApplicationScoped
public class JnosqlLegacyRegistry implements LegacyRegistry {
  private final Template template;

  @Inject
  public JnosqlLegacyRegistry(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlLegacyRegistry() {
    this.template = null;
  }

  @Override
  public void add(ValueDescriptor d) {
    insert(
        new LegacyValueDescriptorDocument(
            d.name(),
            d.id(),
            d.min(),
            d.max(),
            d.defaultValue(),
            d.valueType(),
            d.uomLabel(),
            d.formatting(),
            d.labels(),
            d.description()),
        "value descriptor",
        d.name());
  }

  @Override
  public List<ValueDescriptor> valueDescriptors() {
    try {
      List<LegacyValueDescriptorDocument> documents =
          template.select(LegacyValueDescriptorDocument.class).orderBy("name").asc().result();
      return documents.stream().map(JnosqlLegacyRegistry::toDescriptor).toList();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void add(Addressable a) {
    insert(
        new LegacyAddressableDocument(
            a.name(),
            a.id(),
            a.protocol(),
            a.address(),
            a.port(),
            a.path(),
            a.publisher(),
            a.user(),
            a.topic()),
        "addressable",
        a.name());
  }

  @Override
  public Optional<Addressable> addressable(String name) {
    try {
      return template
          .find(LegacyAddressableDocument.class, name)
          .map(JnosqlLegacyRegistry::toAddressable);
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static ValueDescriptor toDescriptor(LegacyValueDescriptorDocument d) {
    return new ValueDescriptor(
        d.id(),
        d.name(),
        d.min(),
        d.max(),
        d.defaultValue(),
        d.valueType(),
        d.uomLabel(),
        d.formatting(),
        d.labels() == null ? List.of() : d.labels(),
        d.description());
  }

  private static Addressable toAddressable(LegacyAddressableDocument a) {
    return new Addressable(
        a.id(),
        a.name(),
        a.protocol(),
        a.address(),
        a.port(),
        a.path(),
        a.publisher(),
        a.user(),
        a.topic());
  }

  private void insert(Object document, String kind, String name) {
    try {
      template.insert(document);
    } catch (RuntimeException e) {
      if (Documents.isDuplicateKey(e)) {
        throw new DuplicateNameException(kind, name);
      }
      throw unavailable(e);
    }
  }

  private static RuntimeException unavailable(RuntimeException e) {
    return Documents.isMongoFailure(e)
        ? new StoreUnavailableException("the edge buffer (MongoDB) failed", e)
        : e;
  }
}
