package io.flytemigrate.validators;

import io.flytemigrate.ir.IrType;
import java.util.Locale;

/**
 * Types as messages spell them, close to the Python annotations users wrote: {@code int},
 * {@code list[str]}, {@code dict}, and artifacts by schema title ({@code system.Model}), with
 * {@code (file)} or {@code (directory)} when the source says which.
 */
public final class TypeNames {
  private TypeNames() {}

  public static String of(IrType type) {
    if (type instanceof IrType.Primitive p) {
      return switch (p.scalar()) {
        case INT -> "int";
        case FLOAT -> "float";
        case STRING -> "str";
        case BOOL -> "bool";
        case DATETIME -> "datetime";
      };
    }
    if (type instanceof IrType.ListOf l) {
      return l.element() instanceof IrType.Any ? "list" : "list[" + of(l.element()) + "]";
    }
    if (type instanceof IrType.Struct) {
      return "dict";
    }
    if (type instanceof IrType.Any) {
      return "any";
    }
    if (type instanceof IrType.Artifact a) {
      String name = a.schemaTitle().isEmpty() ? a.kind().name().toLowerCase(Locale.ROOT) : a.schemaTitle();
      return switch (a.shape()) {
        case FILE -> name + " (file)";
        case DIRECTORY -> name + " (directory)";
        case UNSPECIFIED -> name;
      };
    }
    if (type instanceof IrType.TaskStatus) {
      return "task final status";
    }
    if (type instanceof IrType.Unknown u) {
      return u.name();
    }
    throw new AssertionError(type);
  }
}
