package io.flytemigrate.flyteproto.write;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Types;
import io.flytemigrate.flyte.model.LiteralType;

/**
 * Flyte types as flytekit's type engine writes them (flyte-target.md 5.1): simple types, the
 * msgpack-annotated {@code STRUCT} of an untyped {@code dict}, collections, maps, blobs, enums and
 * unions whose variants carry their transformer name as {@code structure.tag}.
 */
final class TypeWriter {
  private TypeWriter() {}

  static Types.LiteralType write(LiteralType type) {
    Types.LiteralType.Builder b = Types.LiteralType.newBuilder();
    if (type instanceof LiteralType.Simple s) {
      b.setSimple(Types.SimpleType.valueOf(s.type().name()));
    } else if (type instanceof LiteralType.Struct) {
      b.setSimple(Types.SimpleType.STRUCT).setAnnotation(msgpackAnnotation());
    } else if (type instanceof LiteralType.Collection c) {
      b.setCollectionType(write(c.element()));
    } else if (type instanceof LiteralType.MapOf m) {
      b.setMapValueType(write(m.value()));
    } else if (type instanceof LiteralType.Blob blob) {
      b.setBlob(blobType(blob));
    } else if (type instanceof LiteralType.EnumOf e) {
      b.setEnumType(Types.EnumType.newBuilder().addAllValues(e.values()));
    } else if (type instanceof LiteralType.Union u) {
      Types.UnionType.Builder union = Types.UnionType.newBuilder();
      for (LiteralType.Variant v : u.variants()) {
        union.addVariants(variant(v));
      }
      b.setUnionType(union);
    } else {
      throw new AssertionError(type);
    }
    return b.build();
  }

  /** A union variant: its type with {@code structure.tag} set. */
  static Types.LiteralType variant(LiteralType.Variant v) {
    return write(v.type()).toBuilder().setStructure(Types.TypeStructure.newBuilder().setTag(v.tag())).build();
  }

  static Types.BlobType blobType(LiteralType.Blob blob) {
    return Types.BlobType.newBuilder()
        .setFormat(blob.format())
        .setDimensionality(blob.dimensionality() == LiteralType.BlobDimensionality.SINGLE
            ? Types.BlobType.BlobDimensionality.SINGLE
            : Types.BlobType.BlobDimensionality.MULTIPART)
        .build();
  }

  /** {@code cache-key-metadata: {serialization-format: msgpack}}, which flytekit adds to dicts. */
  private static Types.TypeAnnotation msgpackAnnotation() {
    Struct format = Struct.newBuilder()
        .putFields("serialization-format", Value.newBuilder().setStringValue("msgpack").build())
        .build();
    Struct annotations = Struct.newBuilder()
        .putFields("cache-key-metadata", Value.newBuilder().setStructValue(format).build())
        .build();
    return Types.TypeAnnotation.newBuilder().setAnnotations(annotations).build();
  }
}
