package io.flytemigrate.flyteproto.write;

import flyteidl.core.Literals;
import io.flytemigrate.flyte.model.Literal;

/**
 * Static values (flyte-target.md 5.2): primitives, {@code none_type}, blobs, unions wrapped in
 * {@code Scalar.union{value, type}}, collections and maps. Struct values are written as {@code
 * Scalar.generic} (the JSON form flytekit reads back alongside msgpack), which keeps them
 * readable in the package's JSON rendering.
 */
final class LiteralWriter {
  private LiteralWriter() {}

  static Literals.Literal literal(Literal value) {
    if (value instanceof Literal.CollectionValue c) {
      Literals.LiteralCollection.Builder items = Literals.LiteralCollection.newBuilder();
      for (Literal item : c.items()) {
        items.addLiterals(literal(item));
      }
      return Literals.Literal.newBuilder().setCollection(items).build();
    }
    if (value instanceof Literal.MapValue m) {
      Literals.LiteralMap.Builder entries = Literals.LiteralMap.newBuilder();
      for (Literal.Entry e : m.entries()) {
        entries.putLiterals(e.key(), literal(e.value()));
      }
      return Literals.Literal.newBuilder().setMap(entries).build();
    }
    return Literals.Literal.newBuilder().setScalar(scalar(value)).build();
  }

  /** The scalar of a value that is not a collection or a map. */
  static Literals.Scalar scalar(Literal value) {
    Literals.Scalar.Builder s = Literals.Scalar.newBuilder();
    if (value instanceof Literal.IntValue v) {
      s.setPrimitive(Literals.Primitive.newBuilder().setInteger(v.value()));
    } else if (value instanceof Literal.FloatValue v) {
      s.setPrimitive(Literals.Primitive.newBuilder().setFloatValue(v.value()));
    } else if (value instanceof Literal.StringValue v) {
      s.setPrimitive(Literals.Primitive.newBuilder().setStringValue(v.value()));
    } else if (value instanceof Literal.BoolValue v) {
      s.setPrimitive(Literals.Primitive.newBuilder().setBoolean(v.value()));
    } else if (value instanceof Literal.NoneValue) {
      s.setNoneType(Literals.Void.getDefaultInstance());
    } else if (value instanceof Literal.StructValue v) {
      s.setGeneric(JsonValues.struct(v.fields()));
    } else if (value instanceof Literal.BlobValue v) {
      s.setBlob(Literals.Blob.newBuilder()
          .setMetadata(Literals.BlobMetadata.newBuilder().setType(TypeWriter.blobType(v.type())))
          .setUri(v.uri()));
    } else if (value instanceof Literal.UnionValue v) {
      s.setUnion(Literals.Union.newBuilder().setValue(literal(v.value())).setType(TypeWriter.variant(v.variant())));
    } else {
      throw new IllegalArgumentException("not a scalar: " + value);
    }
    return s.build();
  }

  /** An operand literal of a branch condition. */
  static Literals.Primitive primitive(Literal value) {
    return scalar(value).getPrimitive();
  }
}
