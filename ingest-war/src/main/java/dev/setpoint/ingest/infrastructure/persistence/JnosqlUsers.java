package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.User;
import dev.setpoint.ingest.domain.Users;
import dev.setpoint.ingest.infrastructure.persistence.document.UserDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local issuer's users as documents of {@link UserDocument#COLLECTION}, one per user name (the
 * {@code _id}), so a login is one lookup on the id index. A document whose role is not a known code
 * (written by hand) is read as a viewer, the least role, rather than refusing every login.
 */
@ApplicationScoped
public class JnosqlUsers implements Users {
  private final Template template;

  @Inject
  public JnosqlUsers(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlUsers() {
    this.template = null;
  }

  @Override
  public Optional<User> find(String username) {
    return call(() -> template.find(UserDocument.class, username).map(JnosqlUsers::user));
  }

  @Override
  public List<User> all() {
    List<UserDocument> documents = call(() -> template.select(UserDocument.class).result());
    return documents.stream()
        .map(JnosqlUsers::user)
        .sorted(Comparator.comparing(User::username))
        .toList();
  }

  @Override
  public void add(User user) {
    try {
      call(() -> template.insert(document(user)));
    } catch (RuntimeException e) {
      if (Documents.isDuplicateKey(e)) {
        throw new DuplicateNameException("user", user.username());
      }
      throw e;
    }
  }

  @Override
  public void update(User user) {
    call(() -> template.update(document(user)));
  }

  private static UserDocument document(User user) {
    return new UserDocument(
        user.username(),
        user.role().code(),
        user.passwordHash(),
        user.disabled(),
        user.createdAt().toEpochMilli(),
        user.updatedAt().toEpochMilli());
  }

  private static User user(UserDocument document) {
    return new User(
        document.username(),
        Role.fromCode(document.role()).orElse(Role.VIEWER),
        document.passwordHash(),
        document.disabled(),
        Instant.ofEpochMilli(document.createdAt()),
        Instant.ofEpochMilli(document.updatedAt()));
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      if (Documents.isMongoFailure(e) && !Documents.isDuplicateKey(e)) {
        throw new StoreUnavailableException("the user store (MongoDB) failed", e);
      }
      throw e;
    }
  }
}
