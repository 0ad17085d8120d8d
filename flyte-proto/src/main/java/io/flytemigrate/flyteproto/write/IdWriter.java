package io.flytemigrate.flyteproto.write;

import flyteidl.core.IdentifierOuterClass;
import io.flytemigrate.flyte.model.Identifier;

/**
 * Identifiers: always {@code resource_type} and {@code name}; project and domain as the model has
 * them (empty unless the user chose them); the version as {@link PackageOptions.Versions} says.
 * Every reference goes through here too, so references match the entities they name exactly.
 */
final class IdWriter {
  private final PackageOptions.Versions versions;

  IdWriter(PackageOptions.Versions versions) {
    this.versions = versions;
  }

  IdentifierOuterClass.Identifier write(Identifier id) {
    return IdentifierOuterClass.Identifier.newBuilder()
        .setResourceType(IdentifierOuterClass.ResourceType.forNumber(id.resourceType().number()))
        .setProject(id.project())
        .setDomain(id.domain())
        .setName(id.name())
        .setVersion(versions == PackageOptions.Versions.MODEL ? id.version() : "")
        .build();
  }
}
