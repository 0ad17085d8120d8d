package io.flytemigrate.flyteproto.pack;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyteproto.write.RegistrableEntity;
import java.util.Objects;

/**
 * An entity of the package as it goes into the archive: its name, its kind and its message's
 * bytes. Smaller to keep than the message, for a batch that packs many pipelines' entities at
 * the end.
 */
public record PackedEntity(String name, Identifier.ResourceType kind, byte[] bytes) {
  public PackedEntity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    bytes = bytes.clone();
  }

  /** The entity with its message serialised ({@link RegistrableEntity#bytes}). */
  public static PackedEntity of(RegistrableEntity e) {
    return new PackedEntity(e.name(), e.kind(), e.bytes());
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackedEntity p && name.equals(p.name) && kind == p.kind && java.util.Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, java.util.Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "PackedEntity[" + kind + " " + name + ", " + bytes.length + " bytes]";
  }
}
