package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.BlobDimensionality;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python annotation flytekit maps to each Flyte type (flyte-target.md 5.1), so that the
 * generated signatures produce exactly the interfaces of the model.
 */
public final class PythonTypes {
  private PythonTypes() {}

  /** The annotation text, e.g. {@code typing.List[str]}, {@code FlyteFile}, {@code typing.Optional[int]}. */
  public static String annotation(LiteralType t) {
    if (t instanceof LiteralType.Simple s) {
      return switch (s.type()) {
        case INTEGER -> "int";
        case FLOAT -> "float";
        case STRING -> "str";
        case BOOLEAN -> "bool";
        case DATETIME -> "datetime.datetime";
        case DURATION -> "datetime.timedelta";
        case NONE -> "None";
      };
    }
    if (t instanceof LiteralType.Struct) {
      return "dict";
    }
    if (t instanceof LiteralType.Collection c) {
      return "typing.List[" + annotation(c.element()) + "]";
    }
    if (t instanceof LiteralType.MapOf m) {
      return "typing.Dict[str, " + annotation(m.value()) + "]";
    }
    if (t instanceof LiteralType.Blob b) {
      String base = b.dimensionality() == BlobDimensionality.SINGLE ? "FlyteFile" : "FlyteDirectory";
      return b.format().isEmpty() ? base : base + "[typing.TypeVar(\"" + b.format() + "\")]";
    }
    if (t instanceof LiteralType.Union u) {
      List<String> parts = new ArrayList<>();
      boolean none = false;
      for (LiteralType.Variant v : u.variants()) {
        if (v.type().equals(LiteralType.simple(LiteralType.SimpleType.NONE))) {
          none = true;
        } else {
          parts.add(annotation(v.type()));
        }
      }
      String inner = parts.size() == 1 ? parts.get(0) : "typing.Union[" + String.join(", ", parts) + "]";
      return none ? "typing.Optional[" + inner + "]" : inner;
    }
    if (t instanceof LiteralType.EnumOf) {
      return "str";
    }
    throw new AssertionError(t);
  }
}
