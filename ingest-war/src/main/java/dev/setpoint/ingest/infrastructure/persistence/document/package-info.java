/**
 * Ingest's own MongoDB documents (Core Metadata, device tokens, the v1 registry), mapped by JNoSQL.
 * Only ingest reads or writes these collections.
 *
 * <p>In the EAR, JNoSQL finds entities by scanning the application's class path (the EAR's {@code
 * lib/}), not a WAR's classes: an entity only inside the WAR could be written but not read back
 * ({@code ClassInformationNotFoundException}). So ingest's build also packs this one package as
 * {@code ingest-war-documents.jar}, which the EAR puts into {@code lib/}; a standalone ingest WAR
 * uses the copy in its own classes.
 */
package dev.setpoint.ingest.infrastructure.persistence.document;
