package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.python.PyNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the parameter list of a {@code def} or {@code lambda}. */
final class Signatures {
  private Signatures() {}

  /**
   * One parameter as written.
   *
   * @param annotation the type hint node, or null
   * @param defaultValue the default expression node, or null
   */
  record Param(String name, PyParam.Kind kind, PyNode annotation, PyNode defaultValue, PyNode node) {}

  static List<Param> read(PyNode parameters, Interpreter in) {
    List<Param> out = new ArrayList<>();
    if (parameters == null) {
      return out;
    }
    boolean keywordOnly = false;
    for (PyNode p : parameters.named()) {
      switch (p.type()) {
        case "identifier" -> out.add(new Param(in.text(p), kind(keywordOnly), null, null, p));
        case "typed_parameter" -> {
          PyNode inner = p.named().isEmpty() ? null : p.named().get(0);
          PyNode type = p.get("type");
          if (inner != null && inner.is("list_splat_pattern")) {
            out.add(new Param(name(inner, in), PyParam.Kind.VAR_POSITIONAL, type, null, p));
            keywordOnly = true;
          } else if (inner != null && inner.is("dictionary_splat_pattern")) {
            out.add(new Param(name(inner, in), PyParam.Kind.VAR_KEYWORD, type, null, p));
          } else if (inner != null) {
            out.add(new Param(in.text(inner), kind(keywordOnly), type, null, p));
          }
        }
        case "default_parameter", "typed_default_parameter" -> {
          PyNode name = p.get("name");
          if (name != null) {
            out.add(new Param(in.text(name), kind(keywordOnly), p.get("type"), p.get("value"), p));
          }
        }
        case "list_splat_pattern" -> {
          out.add(new Param(name(p, in), PyParam.Kind.VAR_POSITIONAL, null, null, p));
          keywordOnly = true;
        }
        case "dictionary_splat_pattern" -> out.add(new Param(name(p, in), PyParam.Kind.VAR_KEYWORD, null, null, p));
        case "keyword_separator" -> keywordOnly = true;
        default -> {
          // positional_separator and comments
        }
      }
    }
    return out;
  }

  private static PyParam.Kind kind(boolean keywordOnly) {
    return keywordOnly ? PyParam.Kind.KEYWORD_ONLY : PyParam.Kind.POSITIONAL;
  }

  private static String name(PyNode splat, Interpreter in) {
    List<PyNode> n = splat.named();
    return n.isEmpty() ? "_" : in.text(n.get(0));
  }
}
