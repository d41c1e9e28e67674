package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.ingest.application.legacy.Addressable;
import dev.setpoint.ingest.application.legacy.DuplicateNameException;
import dev.setpoint.ingest.application.legacy.LegacyRegistry;
import dev.setpoint.ingest.application.legacy.ValueDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
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
    try {
      template.insert(
          new ValueDescriptorDocument(
              d.name(),
              d.min(),
              d.max(),
              d.defaultValue(),
              d.valueType(),
              d.uomLabel(),
              d.formatting(),
              d.labels(),
              d.description()));
    } catch (RuntimeException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        throw new DuplicateNameException("value descriptor", d.name());
      }
      throw MongoErrors.translate(e);
    }
  }

  @Override
  public List<ValueDescriptor> valueDescriptors() {
    try {
      List<ValueDescriptorDocument> documents =
          template.select(ValueDescriptorDocument.class).orderBy("name").asc().result();
      return documents.stream().map(ValueDescriptorDocument::toDescriptor).toList();
    } catch (RuntimeException e) {
      throw MongoErrors.translate(e);
    }
  }

  @Override
  public void add(Addressable a) {
    try {
      template.insert(
          new AddressableDocument(
              a.name(),
              a.protocol(),
              a.address(),
              a.port(),
              a.path(),
              a.publisher(),
              a.user(),
              a.topic()));
    } catch (RuntimeException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        throw new DuplicateNameException("addressable", a.name());
      }
      throw MongoErrors.translate(e);
    }
  }

  @Override
  public Optional<Addressable> addressable(String name) {
    try {
      return template.find(AddressableDocument.class, name).map(AddressableDocument::toAddressable);
    } catch (RuntimeException e) {
      throw MongoErrors.translate(e);
    }
  }

  /** A stored v1 value descriptor. */
  @Entity("valuedescriptors")
  public record ValueDescriptorDocument(
      @Id String name,
      @Column("min") Double min,
      @Column("max") Double max,
      @Column("defaultValue") String defaultValue,
      @Column("valueType") String valueType,
      @Column("uomLabel") String uomLabel,
      @Column("formatting") String formatting,
      @Column("labels") List<String> labels,
      @Column("description") String description) {
    ValueDescriptor toDescriptor() {
      return new ValueDescriptor(
          name,
          min,
          max,
          defaultValue,
          valueType,
          uomLabel,
          formatting,
          labels == null ? List.of() : labels,
          description);
    }
  }

  /** A stored v1 addressable; it has no password field, so none can be stored. */
  @Entity("addressables")
  public record AddressableDocument(
      @Id String name,
      @Column("protocol") String protocol,
      @Column("address") String address,
      @Column("port") Integer port,
      @Column("path") String path,
      @Column("publisher") String publisher,
      @Column("user") String user,
      @Column("topic") String topic) {
    Addressable toAddressable() {
      return new Addressable(name, protocol, address, port, path, publisher, user, topic);
    }
  }
}
