package io.flytemigrate.airflow.dag;

import io.flytemigrate.ir.IrType;
import java.util.Locale;

/** Python type hints and Airflow {@code Param} types as IR types. */
final class IrTypes {
  private IrTypes() {}

  /** The IR type of a Python annotation as written, e.g. {@code list[str]} or {@code Optional[int]}. */
  static IrType annotation(String hint) {
    String h = hint.replaceAll("\\s+", "");
    if (h.startsWith("\"") || h.startsWith("'")) {
      h = h.substring(1, Math.max(1, h.length() - 1));
    }
    String base = h;
    String inner = "";
    int bracket = h.indexOf('[');
    if (bracket > 0 && h.endsWith("]")) {
      base = h.substring(0, bracket);
      inner = h.substring(bracket + 1, h.length() - 1);
    }
    base = base.substring(base.lastIndexOf('.') + 1);
    if (h.contains("|")) {
      String[] parts = h.split("\\|");
      String other = null;
      for (String p : parts) {
        if (!p.equals("None")) {
          if (other != null) {
            return new IrType.Any();
          }
          other = p;
        }
      }
      return other == null ? new IrType.Any() : annotation(other);
    }
    switch (base) {
      case "int" -> {
        return IrType.primitive(IrType.Scalar.INT);
      }
      case "float" -> {
        return IrType.primitive(IrType.Scalar.FLOAT);
      }
      case "str" -> {
        return IrType.primitive(IrType.Scalar.STRING);
      }
      case "bool" -> {
        return IrType.primitive(IrType.Scalar.BOOL);
      }
      case "list", "List", "Sequence", "Iterable", "tuple", "Tuple", "set", "Set", "Collection" -> {
        String element = inner.isEmpty() || inner.contains(",") ? "" : inner;
        return new IrType.ListOf(element.isEmpty() ? new IrType.Any() : annotation(element));
      }
      case "dict", "Dict", "Mapping", "MutableMapping" -> {
        return new IrType.Struct();
      }
      case "Optional" -> {
        return inner.isEmpty() ? new IrType.Any() : annotation(inner);
      }
      case "Any", "object", "" -> {
        return new IrType.Any();
      }
      default -> {
        return new IrType.Unknown(hint);
      }
    }
  }

  /** Whether a return annotation is a mapping, which makes Airflow set {@code multiple_outputs}. */
  static boolean isMapping(String hint) {
    String h = hint.replaceAll("\\s+", "");
    int bracket = h.indexOf('[');
    String base = bracket > 0 ? h.substring(0, bracket) : h;
    base = base.substring(base.lastIndexOf('.') + 1);
    return base.equals("dict") || base.equals("Dict") || base.equals("Mapping") || base.equals("MutableMapping");
  }

  /** The IR type of a {@code Param(type=...)} JSON-schema type name. */
  static IrType jsonSchema(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "integer" -> IrType.primitive(IrType.Scalar.INT);
      case "number" -> IrType.primitive(IrType.Scalar.FLOAT);
      case "string" -> IrType.primitive(IrType.Scalar.STRING);
      case "boolean" -> IrType.primitive(IrType.Scalar.BOOL);
      case "array" -> new IrType.ListOf(new IrType.Any());
      case "object" -> new IrType.Struct();
      default -> new IrType.Any();
    };
  }
}
