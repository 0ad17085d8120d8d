package io.flytemigrate.flyte.model;

import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Objects;

/**
 * A static value ({@code flyteidl.core.Literal}): a binding constant, a launch-plan default or a
 * fixed input. Writers encode it as flyte-target.md 5.2 says (structs as {@code Scalar.generic}
 * or msgpack binary, as the writer chooses; union values wrapped in {@code Scalar.union}).
 */
public sealed interface Literal {

  /** {@code Primitive.integer}. */
  record IntValue(long value) implements Literal {}

  /** {@code Primitive.float_value}. */
  record FloatValue(double value) implements Literal {}

  /** {@code Primitive.string_value}. */
  record StringValue(String value) implements Literal {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code Primitive.boolean}. */
  record BoolValue(boolean value) implements Literal {}

  /** {@code Scalar.none_type}: Python {@code None}. */
  record NoneValue() implements Literal {}

  /**
   * A JSON object for a {@link LiteralType.Struct} input ({@code Scalar.generic}, or msgpack binary
   * in current flytekit), entries in source order.
   */
  record StructValue(Value.MapValue fields) implements Literal {
    public StructValue {
      Objects.requireNonNull(fields, "fields");
    }
  }

  /** {@code Literal.collection}. */
  record CollectionValue(List<Literal> items) implements Literal {
    public CollectionValue {
      items = List.copyOf(items);
    }
  }

  /** {@code Literal.map}; entries in source order (writers of maps sort keys if they must). */
  record MapValue(List<Entry> entries) implements Literal {
    public MapValue {
      entries = List.copyOf(entries);
    }
  }

  /** One entry of a {@link MapValue}. */
  record Entry(String key, Literal value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code Scalar.blob}: a file or directory at a URI (an importer's artifact). */
  record BlobValue(String uri, LiteralType.Blob type) implements Literal {
    public BlobValue {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A value for a {@link LiteralType.Union} input: {@code Scalar.union{value, type}}.
   *
   * @param variant the chosen variant's type, including its tag
   */
  record UnionValue(Literal value, LiteralType.Variant variant) implements Literal {
    public UnionValue {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(variant, "variant");
    }
  }
}
