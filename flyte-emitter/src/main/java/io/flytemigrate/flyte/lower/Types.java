package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.BlobDimensionality;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import java.util.Optional;

/**
 * IR types to the Flyte types flytekit derives from the annotations the Python writer emits
 * ({@code int}, {@code str}, {@code datetime.datetime}, {@code typing.List[str]}, {@code dict},
 * {@code FlyteFile}, {@code FlyteDirectory}, {@code typing.Optional[...]}). Where the IR says less
 * than Flyte needs, the type is inferred from the bindings ({@link ListHints}) or assumed, and the
 * result carries the approximation for the parity report.
 */
final class Types {
  private Types() {}

  /** A Flyte type and, when it is a guess, why. */
  record Mapped(LiteralType type, Optional<String> approximation) {
    static Mapped exact(LiteralType t) {
      return new Mapped(t, Optional.empty());
    }
  }

  /**
   * The Flyte type of an IR type.
   *
   * @param inferred the Flyte type {@link ListHints} inferred for a value whose IR type leaves
   *     parts open ({@link IrType.Any}, a list of it); used when it fits what the IR does say, and
   *     reported as the guess it is
   * @param forContainer whether the value is used by a raw container (task statuses become JSON
   *     text there, since copilot cannot template structs)
   */
  static Mapped of(IrType type, Optional<LiteralType> inferred, boolean forContainer) {
    if (ListHints.open(type) && inferred.isPresent() && fits(type, inferred.get())) {
      return guessed(type, inferred.get());
    }
    if (type instanceof IrType.Primitive p) {
      return Mapped.exact(LiteralType.simple(switch (p.scalar()) {
        case INT -> SimpleType.INTEGER;
        case FLOAT -> SimpleType.FLOAT;
        case STRING -> SimpleType.STRING;
        case BOOL -> SimpleType.BOOLEAN;
        case DATETIME -> SimpleType.DATETIME;
      }));
    }
    if (type instanceof IrType.ListOf l) {
      if (l.element() instanceof IrType.Any) {
        return new Mapped(new LiteralType.Collection(LiteralType.simple(SimpleType.STRING)),
            Optional.of("the list's element type is not declared; `str` is assumed"));
      }
      Mapped element = of(l.element(), Optional.empty(), forContainer);
      return new Mapped(new LiteralType.Collection(element.type()), element.approximation());
    }
    if (type instanceof IrType.Struct) {
      return Mapped.exact(new LiteralType.Struct());
    }
    if (type instanceof IrType.Any) {
      return new Mapped(LiteralType.simple(SimpleType.STRING),
          Optional.of("the value has no declared type; `str` is assumed"));
    }
    if (type instanceof IrType.Artifact a) {
      return artifact(a);
    }
    if (type instanceof IrType.TaskStatus) {
      return new Mapped(forContainer ? LiteralType.simple(SimpleType.STRING) : new LiteralType.Struct(),
          Optional.of("the final status carries only its `state`; Flyte passes no error details to a final node"));
    }
    if (type instanceof IrType.Unknown u) {
      return new Mapped(LiteralType.simple(SimpleType.STRING),
          Optional.of("type `" + u.name() + "` has no Flyte counterpart; `str` is assumed"));
    }
    throw new AssertionError(type);
  }

  /** Whether {@code t} has the shape of {@code type}: anything for {@code Any}, a list for a list. */
  private static boolean fits(IrType type, LiteralType t) {
    if (type instanceof IrType.Any) {
      return true;
    }
    if (type instanceof IrType.ListOf l) {
      return t instanceof LiteralType.Collection c && fits(l.element(), c.element());
    }
    return of(type, Optional.empty(), false).type().equals(t);
  }

  /** An inferred type, reported with what was guessed. */
  private static Mapped guessed(IrType type, LiteralType t) {
    IrType at = type;
    LiteralType guess = t;
    while (at instanceof IrType.ListOf l && guess instanceof LiteralType.Collection c) {
      at = l.element();
      guess = c.element();
    }
    String annotation = io.flytemigrate.flyte.python.PythonTypes.annotation(guess);
    String what = type instanceof IrType.ListOf ? "the list's element type is not declared" : "the value has no declared type";
    return new Mapped(t, Optional.of(what + "; `" + annotation + "` is inferred from the values bound to it"));
  }

  /**
   * The type of a port, made {@code typing.Optional[...]} when it may be left unset and has no
   * default. A final status is never optional: the translation always provides it.
   */
  static Mapped ofPort(Port port, Optional<LiteralType> inferred, boolean forContainer) {
    Mapped m = of(port.type(), inferred, forContainer);
    if (port.optional() && port.defaultValue().isEmpty() && !(m.type() instanceof LiteralType.Union)
        && !(port.type() instanceof IrType.TaskStatus)) {
      return new Mapped(LiteralType.optional(m.type(), tag(m.type())), m.approximation());
    }
    return m;
  }

  private static Mapped artifact(IrType.Artifact a) {
    BlobDimensionality dim = a.shape() == IrType.Shape.DIRECTORY ? BlobDimensionality.MULTIPART : BlobDimensionality.SINGLE;
    LiteralType blob = new LiteralType.Blob("", dim);
    if (a.shape() == IrType.Shape.UNSPECIFIED) {
      return new Mapped(blob, Optional.of("artifact `" + a.schemaTitle()
          + "` does not say whether it is a file or a directory; a file (`FlyteFile`) is assumed"));
    }
    return Mapped.exact(blob);
  }

  /** The {@code structure.tag} flytekit gives a type inside a union: its transformer's name. */
  static String tag(LiteralType t) {
    if (t instanceof LiteralType.Simple s) {
      return switch (s.type()) {
        case INTEGER -> "int";
        case FLOAT -> "float";
        case STRING -> "str";
        case BOOLEAN -> "bool";
        case DATETIME -> "datetime";
        case DURATION -> "timedelta";
        case NONE -> "none";
      };
    }
    if (t instanceof LiteralType.Collection) {
      return "Typed List";
    }
    if (t instanceof LiteralType.MapOf || t instanceof LiteralType.Struct) {
      return "Typed Dict";
    }
    if (t instanceof LiteralType.Blob b) {
      return b.dimensionality() == BlobDimensionality.SINGLE ? "FlyteFilePath" : "FlyteDirectory";
    }
    if (t instanceof LiteralType.EnumOf) {
      return "Enum";
    }
    return "Union";
  }

  /** The type without an {@code Optional} wrapper. */
  static LiteralType unwrapOptional(LiteralType t) {
    if (t instanceof LiteralType.Union u && u.variants().size() == 2
        && u.variants().get(1).type().equals(LiteralType.simple(SimpleType.NONE))) {
      return u.variants().get(0).type();
    }
    return t;
  }

  static boolean isOptional(LiteralType t) {
    return !unwrapOptional(t).equals(t);
  }
}
