package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.BlobDimensionality;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import java.util.Optional;

/**
 * IR types to the Flyte types flytekit derives from the annotations the Python writer emits
 * ({@code int}, {@code str}, {@code typing.List[str]}, {@code dict}, {@code FlyteFile},
 * {@code FlyteDirectory}, {@code typing.Optional[...]}). Where the IR says less than Flyte needs,
 * the result carries the approximation for the parity report.
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
   * @param listElement what a list of {@link IrType.Any} holds, when something else says so
   * @param forContainer whether the value is used by a raw container (task statuses become JSON
   *     text there, since copilot cannot template structs)
   */
  static Mapped of(IrType type, Optional<LiteralType> listElement, boolean forContainer) {
    if (type instanceof IrType.Primitive p) {
      return Mapped.exact(LiteralType.simple(switch (p.scalar()) {
        case INT -> SimpleType.INTEGER;
        case FLOAT -> SimpleType.FLOAT;
        case STRING -> SimpleType.STRING;
        case BOOL -> SimpleType.BOOLEAN;
      }));
    }
    if (type instanceof IrType.ListOf l) {
      if (l.element() instanceof IrType.Any) {
        if (listElement.isPresent()) {
          return Mapped.exact(new LiteralType.Collection(listElement.get()));
        }
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

  /**
   * The type of a port, made {@code typing.Optional[...]} when it may be left unset and has no
   * default. A final status is never optional: the translation always provides it.
   */
  static Mapped ofPort(Port port, Optional<LiteralType> listElement, boolean forContainer) {
    Mapped m = of(port.type(), listElement, forContainer);
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
