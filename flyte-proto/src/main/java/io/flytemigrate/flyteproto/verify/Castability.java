package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Literals;
import flyteidl.core.Types;
import java.util.Optional;

/**
 * The Flyte compiler's casting rules ({@code flytepropeller/pkg/compiler/validators/typing.go},
 * flyte-target.md 5.3), written again for the verifier: whether a value of the upstream type may
 * feed an input of the downstream type, and the type of a static value.
 */
final class Castability {
  private Castability() {}

  static boolean castable(Types.LiteralType up, Types.LiteralType down) {
    if (up.hasUnionType() && up.getUnionType().getVariantsCount() == 1) {
      up = up.getUnionType().getVariants(0);
    }
    switch (down.getTypeCase()) {
      case UNION_TYPE:
        return unionCastable(up, down.getUnionType());
      case COLLECTION_TYPE:
        return up.hasCollectionType() && (castable(up.getCollectionType(), down.getCollectionType())
            || isNone(up.getCollectionType()));
      case MAP_VALUE_TYPE:
        return up.hasMapValueType() && (castable(up.getMapValueType(), down.getMapValueType()) || isNone(up.getMapValueType()));
      case BLOB:
        return up.hasBlob() && (up.getBlob().getFormat().isEmpty() || down.getBlob().getFormat().isEmpty()
            || up.getBlob().getFormat().equals(down.getBlob().getFormat()));
      case STRUCTURED_DATASET_TYPE:
        if (isNone(up)) {
          return true;
        }
        return up.hasStructuredDatasetType() && (up.getStructuredDatasetType().getFormat().isEmpty()
            || down.getStructuredDatasetType().getFormat().isEmpty()
            || up.getStructuredDatasetType().getFormat().equalsIgnoreCase(down.getStructuredDatasetType().getFormat()));
      case SCHEMA:
        return up.hasSchema() || up.hasStructuredDatasetType();
      case SIMPLE:
        if (down.getSimple() == Types.SimpleType.NONE) {
          return isNone(up);
        }
        return trivial(up, down);
      default:
        return trivial(up, down);
    }
  }

  private static boolean unionCastable(Types.LiteralType up, Types.UnionType down) {
    if (up.hasUnionType()) {
      for (Types.LiteralType u : up.getUnionType().getVariantsList()) {
        boolean any = false;
        for (Types.LiteralType d : down.getVariantsList()) {
          if (castable(u, d)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }
    int accepting = 0;
    for (Types.LiteralType d : down.getVariantsList()) {
      if (castable(up, d)) {
        accepting++;
      }
    }
    return accepting == 1;
  }

  private static boolean trivial(Types.LiteralType up, Types.LiteralType down) {
    if (up.hasEnumType() && down.hasSimple() && down.getSimple() == Types.SimpleType.STRING) {
      return true;
    }
    if (down.hasEnumType() && up.hasSimple() && up.getSimple() == Types.SimpleType.STRING) {
      return true;
    }
    String upTag = up.getStructure().getTag();
    if (!upTag.isEmpty() && !upTag.equals(down.getStructure().getTag())) {
      return false;
    }
    if (up.hasSimple() && down.hasSimple() && up.getSimple() == Types.SimpleType.STRUCT && down.getSimple() == Types.SimpleType.STRUCT) {
      return !up.hasMetadata() || !down.hasMetadata() || up.getMetadata().equals(down.getMetadata());
    }
    Types.LiteralType a = up.toBuilder().clearStructure().clearMetadata().clearAnnotation().build();
    Types.LiteralType b = down.toBuilder().clearStructure().clearMetadata().clearAnnotation().build();
    return a.equals(b);
  }

  static boolean isNone(Types.LiteralType t) {
    return t.hasSimple() && t.getSimple() == Types.SimpleType.NONE;
  }

  /** Whether an input of this type may stay unbound (it accepts None). */
  static boolean optional(Types.LiteralType t) {
    if (isNone(t)) {
      return true;
    }
    return t.hasUnionType() && t.getUnionType().getVariantsList().stream().anyMatch(Castability::isNone);
  }

  /** The type the compiler gives a static scalar ({@code literalTypeForScalar}). */
  static Optional<Types.LiteralType> typeOf(Literals.Scalar s) {
    Types.LiteralType.Builder b = Types.LiteralType.newBuilder();
    switch (s.getValueCase()) {
      case PRIMITIVE -> {
        switch (s.getPrimitive().getValueCase()) {
          case INTEGER -> b.setSimple(Types.SimpleType.INTEGER);
          case FLOAT_VALUE -> b.setSimple(Types.SimpleType.FLOAT);
          case STRING_VALUE -> b.setSimple(Types.SimpleType.STRING);
          case BOOLEAN -> b.setSimple(Types.SimpleType.BOOLEAN);
          case DATETIME -> b.setSimple(Types.SimpleType.DATETIME);
          case DURATION -> b.setSimple(Types.SimpleType.DURATION);
          default -> {
            return Optional.empty();
          }
        }
      }
      case NONE_TYPE -> b.setSimple(Types.SimpleType.NONE);
      case GENERIC, BINARY -> b.setSimple(Types.SimpleType.STRUCT);
      case BLOB -> b.setBlob(s.getBlob().getMetadata().getType());
      case UNION -> b.setUnionType(Types.UnionType.newBuilder().addVariants(s.getUnion().getType()));
      case STRUCTURED_DATASET -> b.setStructuredDatasetType(s.getStructuredDataset().getMetadata().getStructuredDatasetType());
      case ERROR -> b.setSimple(Types.SimpleType.ERROR);
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(b.build());
  }

  /** A type as the messages show it, e.g. {@code List[INTEGER]}. */
  static String text(Types.LiteralType t) {
    return switch (t.getTypeCase()) {
      case SIMPLE -> t.getSimple().name();
      case COLLECTION_TYPE -> "List[" + text(t.getCollectionType()) + "]";
      case MAP_VALUE_TYPE -> "Dict[str, " + text(t.getMapValueType()) + "]";
      case BLOB -> t.getBlob().getDimensionality() == Types.BlobType.BlobDimensionality.SINGLE ? "FlyteFile" : "FlyteDirectory";
      case ENUM_TYPE -> "Enum" + t.getEnumType().getValuesList();
      case UNION_TYPE -> "Union[" + String.join(", ", t.getUnionType().getVariantsList().stream().map(Castability::text).toList()) + "]";
      case STRUCTURED_DATASET_TYPE -> "StructuredDataset";
      case SCHEMA -> "Schema";
      default -> "?";
    };
  }
}
