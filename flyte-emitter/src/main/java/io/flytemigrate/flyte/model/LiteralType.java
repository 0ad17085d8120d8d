package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;

/**
 * A Flyte type ({@code flyteidl.core.LiteralType}), restricted to what flytekit derives from the
 * Python annotations the Python writer emits (flyte-target.md 5.1), so that the flytekit project
 * and the package agree on every interface.
 */
public sealed interface LiteralType {

  /** The simple kinds, named as in flyteidl's {@code SimpleType}. */
  enum SimpleType {
    NONE,
    INTEGER,
    FLOAT,
    STRING,
    BOOLEAN,
    DATETIME,
    DURATION
  }

  /** Whether a blob is one file or a directory ({@code BlobType.BlobDimensionality}). */
  enum BlobDimensionality {
    SINGLE,
    MULTIPART
  }

  /** {@code int}, {@code float}, {@code str}, {@code bool}, {@code datetime}, {@code timedelta} or {@code None}. */
  record Simple(SimpleType type) implements LiteralType {
    public Simple {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * An untyped Python {@code dict}: {@code simple: STRUCT} with the annotation flytekit adds,
   * {@code cache-key-metadata: {serialization-format: msgpack}}.
   */
  record Struct() implements LiteralType {}

  /** {@code typing.List[T]}: {@code collection_type}. */
  record Collection(LiteralType element) implements LiteralType {
    public Collection {
      Objects.requireNonNull(element, "element");
    }
  }

  /** {@code typing.Dict[str, T]}: {@code map_value_type}. */
  record MapOf(LiteralType value) implements LiteralType {
    public MapOf {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code FlyteFile} (SINGLE) or {@code FlyteDirectory} (MULTIPART).
   *
   * @param format empty for any format; otherwise the type variable of {@code FlyteFile[...]}
   */
  record Blob(String format, BlobDimensionality dimensionality) implements LiteralType {
    public Blob {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(dimensionality, "dimensionality");
    }
  }

  /**
   * {@code typing.Optional[T]} and other unions: {@code union_type} whose variants carry flytekit's
   * transformer names as {@code structure.tag} ({@code int}, {@code str}, {@code none}, ...).
   */
  record Union(List<Variant> variants) implements LiteralType {
    public Union {
      variants = List.copyOf(variants);
    }
  }

  /** One variant of a {@link Union} and its {@code structure.tag}. */
  record Variant(LiteralType type, String tag) {
    public Variant {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** A string enum ({@code enum_type}); values in declaration order. */
  record EnumOf(List<String> values) implements LiteralType {
    public EnumOf {
      values = List.copyOf(values);
    }
  }

  static LiteralType simple(SimpleType type) {
    return new Simple(type);
  }

  /** {@code typing.Optional[t]} as flytekit writes it: variants {@code t} then {@code none}. */
  static LiteralType optional(LiteralType t, String tag) {
    return new Union(List.of(new Variant(t, tag), new Variant(new Simple(SimpleType.NONE), "none")));
  }
}
