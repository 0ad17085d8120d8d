package io.flytemigrate.validators;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Value;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a value of one type may feed an input of another, following flytepropeller's
 * {@code AreTypesCastable} ({@code compiler/validators/typing.go}): the downstream type picks the
 * rule. Scalars must be equal (no int-to-float widening for promises), a list needs a list whose
 * elements cast, a struct needs a struct (or a task's final status, which is one), and an
 * artifact needs an artifact of a compatible kind and shape (Flyte compares blob formats; here
 * the format is the artifact's schema). A type the source did not give ({@link IrType.Any},
 * {@link IrType.Unknown}) casts both ways: nothing is known, so nothing is reported.
 *
 * <p>Literal values have looser rules, because the emitter writes the literal in the declared
 * type: an int constant fits a float input, an integral float an int input, an ISO 8601 string a
 * date-time input, and {@code None} any optional input (see {@link #fits}).
 */
public final class TypeCompatibility {
  private TypeCompatibility() {}

  /** The outcome of a cast. */
  public enum Verdict {
    /** Flyte accepts the binding. */
    CASTS,
    /** The types differ in kind: a scalar for a list, a parameter for an artifact, ... */
    TYPE_MISMATCH,
    /** Both are artifacts, but of incompatible kinds (a Model for a Dataset). */
    KIND_MISMATCH
  }

  /** Whether an {@code upstream} value may be bound to a {@code downstream} input. */
  public static Verdict cast(IrType upstream, IrType downstream) {
    if (unknown(upstream) || unknown(downstream)) {
      return Verdict.CASTS;
    }
    if (downstream instanceof IrType.Primitive d) {
      return upstream instanceof IrType.Primitive u && u.scalar() == d.scalar() ? Verdict.CASTS : Verdict.TYPE_MISMATCH;
    }
    if (downstream instanceof IrType.ListOf d) {
      return upstream instanceof IrType.ListOf u ? cast(u.element(), d.element()) : Verdict.TYPE_MISMATCH;
    }
    if (downstream instanceof IrType.Struct) {
      // A task's final status arrives as a JSON object (KFP's PipelineTaskFinalStatus; Flyte's
      // FlyteError is a struct too), so a dict input may take it.
      return upstream instanceof IrType.Struct || upstream instanceof IrType.TaskStatus ? Verdict.CASTS : Verdict.TYPE_MISMATCH;
    }
    if (downstream instanceof IrType.TaskStatus) {
      return upstream instanceof IrType.TaskStatus ? Verdict.CASTS : Verdict.TYPE_MISMATCH;
    }
    if (downstream instanceof IrType.Artifact d) {
      if (!(upstream instanceof IrType.Artifact u)) {
        return Verdict.TYPE_MISMATCH;
      }
      return kindsCompatible(u, d) ? Verdict.CASTS : Verdict.KIND_MISMATCH;
    }
    throw new AssertionError(downstream);
  }

  /**
   * Artifact kinds: a file never feeds a directory input or the other way round, when both sides
   * say which they are (Flyte's blob dimensionality: single or multipart; its compiler does not
   * compare it, but the task would find the wrong thing at its path). Then a generic artifact
   * ({@code system.Artifact}) is compatible with every kind in both directions; otherwise the
   * kinds must be equal, and vendor kinds ({@code google.VertexModel}) must have the same schema
   * title.
   */
  public static boolean kindsCompatible(IrType.Artifact upstream, IrType.Artifact downstream) {
    if (upstream.shape() != IrType.Shape.UNSPECIFIED && downstream.shape() != IrType.Shape.UNSPECIFIED
        && upstream.shape() != downstream.shape()) {
      return false;
    }
    if (upstream.kind() == IrType.ArtifactKind.ARTIFACT || downstream.kind() == IrType.ArtifactKind.ARTIFACT) {
      return true;
    }
    if (upstream.kind() != downstream.kind()) {
      return false;
    }
    return upstream.kind() != IrType.ArtifactKind.VENDOR || upstream.schemaTitle().equals(downstream.schemaTitle());
  }

  /**
   * Whether the literal {@code value} fits an input of {@code type}: {@code None} only an optional
   * one, ints and integral floats both number types, lists element-wise, objects a struct. No
   * literal fits an artifact or a task status: those come from tasks.
   */
  public static boolean fits(Value value, IrType type, boolean optional) {
    if (value instanceof Value.Null) {
      return optional || unknown(type);
    }
    if (unknown(type)) {
      return true;
    }
    if (type instanceof IrType.Primitive p) {
      return switch (p.scalar()) {
        case INT -> value instanceof Value.Int
            || value instanceof Value.Float f && f.value() == Math.rint(f.value()) && !Double.isInfinite(f.value());
        case FLOAT -> value instanceof Value.Float || value instanceof Value.Int;
        case STRING -> value instanceof Value.Str;
        case BOOL -> value instanceof Value.Bool;
        case DATETIME -> value instanceof Value.Str s && isDateTime(s.value());
      };
    }
    if (type instanceof IrType.ListOf l) {
      return value instanceof Value.ListValue list && list.items().stream().allMatch(v -> fits(v, l.element(), false));
    }
    if (type instanceof IrType.Struct) {
      return value instanceof Value.MapValue;
    }
    return false;
  }

  /**
   * Whether {@code text} is a point in time as sources write one: an ISO 8601 date-time, with or
   * without an offset, or a date (midnight).
   */
  static boolean isDateTime(String text) {
    for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME,
        DateTimeFormatter.ISO_LOCAL_DATE)) {
      try {
        f.parse(text.strip());
        return true;
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return false;
  }

  /** The type a literal has on its own: the scalar kind, lists by their common element type. */
  public static Optional<IrType> typeOf(Value value) {
    if (value instanceof Value.Int) {
      return Optional.of(IrType.primitive(IrType.Scalar.INT));
    }
    if (value instanceof Value.Float) {
      return Optional.of(IrType.primitive(IrType.Scalar.FLOAT));
    }
    if (value instanceof Value.Str) {
      return Optional.of(IrType.primitive(IrType.Scalar.STRING));
    }
    if (value instanceof Value.Bool) {
      return Optional.of(IrType.primitive(IrType.Scalar.BOOL));
    }
    if (value instanceof Value.MapValue) {
      return Optional.of(new IrType.Struct());
    }
    if (value instanceof Value.ListValue l) {
      return Optional.of(new IrType.ListOf(common(l.items().stream().map(TypeCompatibility::typeOf).toList())
          .orElse(new IrType.Any())));
    }
    return Optional.empty();
  }

  /** The one type all of {@code types} have; empty when they differ or one is not known. */
  public static Optional<IrType> common(List<Optional<IrType>> types) {
    if (types.isEmpty() || types.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    IrType first = types.get(0).get();
    return types.stream().allMatch(t -> t.get().equals(first)) ? Optional.of(first) : Optional.empty();
  }

  /** A type that says nothing: the source gave none, or the reader could not map it. */
  public static boolean unknown(IrType type) {
    return type instanceof IrType.Any || type instanceof IrType.Unknown;
  }
}
