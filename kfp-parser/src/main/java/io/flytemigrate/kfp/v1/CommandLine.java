package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.v2.Placeholders;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the command line of a KFP v1 component ({@code implementation.container.command} and
 * {@code args}) to {@link Arg}s: {@code inputValue}, {@code inputPath}, {@code inputUri}, {@code
 * inputMetadata}, {@code outputPath}, {@code outputUri}, {@code outputMetadata}, {@code
 * executorInput}, {@code concat} and {@code if}/{@code isPresent}. Literal strings may hold KFP v2
 * placeholders ({@code {{$.inputs...}}}), which the components of the v1-to-v2 transition use.
 */
final class CommandLine {
  private static final Set<String> INPUT_KEYS = Set.of("inputValue", "inputPath", "inputUri", "inputMetadata", "isPresent");
  private static final Set<String> OUTPUT_KEYS = Set.of("outputPath", "outputUri", "outputMetadata");
  /** Outputs are keyed with this prefix in {@link #usage}: an input and an output may share a name. */
  static final String OUTPUT_PREFIX = "output:";

  private final DiagnosticSink sink;
  private final Placeholders placeholders;
  private final String component;
  private final Set<String> inputs;
  private final Map<String, Boolean> outputIsArtifact;

  /**
   * @param component how to name the component in messages, e.g. {@code component `Train`}
   * @param outputIsArtifact whether each declared output is an artifact (written to a path) or a
   *     parameter (written to a file whose content is the value)
   */
  CommandLine(DiagnosticSink sink, String component, Set<String> inputs, Map<String, Boolean> outputIsArtifact) {
    this.sink = sink;
    this.placeholders = new Placeholders(sink);
    this.component = component;
    this.inputs = inputs;
    this.outputIsArtifact = outputIsArtifact;
  }

  /** How each input (by name) and output (by {@link #OUTPUT_PREFIX} and name) is used on a command line. */
  static Map<String, EnumSet<Access>> usage(List<DocNode> nodes) {
    Map<String, EnumSet<Access>> out = new LinkedHashMap<>();
    for (DocNode n : nodes) {
      scan(n, out);
    }
    return out;
  }

  private static void scan(DocNode n, Map<String, EnumSet<Access>> out) {
    if (n instanceof DocMap m) {
      for (Entry e : m.entries()) {
        if ((INPUT_KEYS.contains(e.key()) || OUTPUT_KEYS.contains(e.key())) && e.value() instanceof DocScalar s) {
          Access a = switch (e.key()) {
            case "inputPath", "outputPath" -> Access.PATH;
            case "inputUri", "outputUri" -> Access.URI;
            case "inputMetadata", "outputMetadata" -> Access.METADATA;
            case "isPresent" -> null;
            default -> Access.VALUE;
          };
          if (a != null) {
            String key = OUTPUT_KEYS.contains(e.key()) ? OUTPUT_PREFIX + s.text() : s.text();
            out.computeIfAbsent(key, k -> EnumSet.noneOf(Access.class)).add(a);
          }
        } else {
          scan(e.value(), out);
        }
      }
    } else if (n instanceof DocSeq s) {
      for (DocNode i : s.items()) {
        scan(i, out);
      }
    } else if (n instanceof DocScalar s && Placeholders.hasPlaceholder(s.text())) {
      // {{$.inputs.artifacts['x']...}}: the transition-era components pass artifacts this way.
      String t = s.text();
      int i = t.indexOf("{{$.inputs.artifacts[");
      while (i >= 0) {
        int start = i + "{{$.inputs.artifacts[".length() + 1;
        int end = t.indexOf('\'', start);
        int endDq = t.indexOf('"', start);
        int stop = end < 0 ? endDq : endDq < 0 ? end : Math.min(end, endDq);
        if (stop > start) {
          out.computeIfAbsent(t.substring(start, stop), k -> EnumSet.noneOf(Access.class)).add(Access.URI);
        }
        i = t.indexOf("{{$.inputs.artifacts[", start);
      }
    }
  }

  /** A whole command or args list; an {@code if} with a constant condition splices its branch. */
  List<Arg> args(List<DocNode> items) {
    List<Arg> out = new ArrayList<>();
    for (DocNode n : items) {
      expand(n, out);
    }
    return out;
  }

  private void expand(DocNode n, List<Arg> out) {
    if (n instanceof DocMap m && m.entries().size() == 1 && m.entries().get(0).key().equals("if")) {
      Optional<Boolean> constant = constantCondition(m.entries().get(0).value());
      if (constant.isPresent()) {
        Optional<DocNode> branch = branch(m.entries().get(0).value(), constant.get() ? "then" : "else");
        branch.ifPresent(b -> out.addAll(args(b instanceof DocSeq s ? s.items() : List.of(b))));
        return;
      }
    }
    out.add(arg(n));
  }

  /** One argument. */
  Arg arg(DocNode n) {
    if (n instanceof DocScalar s) {
      if (s.kind() == DocNode.ScalarKind.NULL) {
        return new Arg.Literal("");
      }
      return Placeholders.hasPlaceholder(s.text()) ? placeholders.template(s.text(), s.span()) : new Arg.Literal(s.text());
    }
    if (n instanceof DocSeq seq) {
      Messages.report(sink, Codes.UNSUPPORTED_PLACEHOLDER, n.span(), "a list inside a command line of " + component + " is kept as text",
          "command-line items are strings or one-key placeholders such as `{inputValue: x}`");
      return new Arg.UnknownPlaceholder(text(seq));
    }
    DocMap m = (DocMap) n;
    if (m.entries().size() != 1) {
      return unknown(m, "a placeholder must have exactly one key, found " + m.entries().size());
    }
    Entry e = m.entries().get(0);
    switch (e.key()) {
      case "inputValue":
        return input(e, Access.VALUE);
      case "inputPath":
        return input(e, Access.PATH);
      case "inputUri":
        return input(e, Access.URI);
      case "inputMetadata":
        return input(e, Access.METADATA);
      case "outputPath":
        return output(e, null);
      case "outputUri":
        return output(e, Access.URI);
      case "outputMetadata":
        return output(e, Access.METADATA);
      case "executorInput":
        return new Arg.RuntimeValue("executor-input");
      case "concat":
        if (e.value() instanceof DocSeq seq) {
          List<Arg> parts = new ArrayList<>();
          for (DocNode p : seq.items()) {
            Arg a = arg(p);
            if (a instanceof Arg.Concat c) {
              parts.addAll(c.parts());
            } else {
              parts.add(a);
            }
          }
          return new Arg.Concat(parts);
        }
        return unknown(m, "`concat` must hold a list");
      case "if":
        return ifPlaceholder(m, e.value());
      default:
        return unknown(m, "`" + e.key() + "` is not a kfp v1 placeholder");
    }
  }

  private Arg input(Entry e, Access access) {
    Optional<String> name = name(e);
    if (name.isEmpty()) {
      return new Arg.UnknownPlaceholder(e.key());
    }
    if (!inputs.contains(name.get())) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, e.value().span(),
          "`" + e.key() + "` names input `" + name.get() + "`, which " + component + " does not declare",
          declared(inputs));
    }
    return new Arg.InputRef(name.get(), access);
  }

  private Arg output(Entry e, Access access) {
    Optional<String> name = name(e);
    if (name.isEmpty()) {
      return new Arg.UnknownPlaceholder(e.key());
    }
    Boolean artifact = outputIsArtifact.get(name.get());
    if (artifact == null) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, e.value().span(),
          "`" + e.key() + "` names output `" + name.get() + "`, which " + component + " does not declare",
          declared(outputIsArtifact.keySet()));
    }
    Access a = access != null ? access : Boolean.FALSE.equals(artifact) ? Access.OUTPUT_FILE : Access.PATH;
    return new Arg.OutputRef(name.get(), a);
  }

  private Optional<String> name(Entry e) {
    if (e.value() instanceof DocScalar s && s.kind() != DocNode.ScalarKind.NULL) {
      return Optional.of(s.text());
    }
    Messages.report(sink, Codes.WRONG_SHAPE, e.value().span(), "`" + e.key() + "` must name an input or output, found a " + e.value().describe());
    return Optional.empty();
  }

  private Arg ifPlaceholder(DocMap whole, DocNode body) {
    if (!(body instanceof DocMap b)) {
      return unknown(whole, "`if` must hold a mapping with `cond`, `then` and `else`");
    }
    Optional<DocNode> cond = b.entry("cond").map(Entry::value);
    if (cond.isEmpty()) {
      return unknown(whole, "`if` has no `cond`");
    }
    for (Entry x : b.entries()) {
      if (!x.key().equals("cond") && !x.key().equals("then") && !x.key().equals("else")) {
        Messages.report(sink, Codes.UNKNOWN_FIELD, x.keySpan(), "unknown field `" + x.key() + "` in an `if` placeholder is ignored");
      }
    }
    if (cond.get() instanceof DocMap c && c.entries().size() == 1 && c.entries().get(0).key().equals("isPresent")) {
      Optional<String> name = name(c.entries().get(0));
      if (name.isEmpty()) {
        return new Arg.UnknownPlaceholder("if");
      }
      if (!inputs.contains(name.get())) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, c.span(),
            "`isPresent` names input `" + name.get() + "`, which " + component + " does not declare", declared(inputs));
      }
      List<Arg> then = branch(body, "then").map(n -> args(n instanceof DocSeq s ? s.items() : List.of(n))).orElse(List.of());
      List<Arg> otherwise = branch(body, "else").map(n -> args(n instanceof DocSeq s ? s.items() : List.of(n))).orElse(List.of());
      return new Arg.IfPresent(name.get(), then, otherwise);
    }
    Optional<Boolean> constant = constantCondition(body);
    if (constant.isPresent()) {
      List<Arg> chosen = branch(body, constant.get() ? "then" : "else")
          .map(n -> args(n instanceof DocSeq s ? s.items() : List.of(n))).orElse(List.of());
      return chosen.size() == 1 ? chosen.get(0) : new Arg.Concat(chosen);
    }
    return unknown(whole, "an `if` whose condition is not `isPresent` cannot be expressed");
  }

  private static Optional<Boolean> constantCondition(DocNode ifBody) {
    if (!(ifBody instanceof DocMap b)) {
      return Optional.empty();
    }
    Optional<DocNode> cond = b.entry("cond").map(Entry::value);
    if (cond.isPresent() && cond.get() instanceof DocScalar s
        && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
      return Optional.of(s.text().equalsIgnoreCase("true"));
    }
    return Optional.empty();
  }

  private static Optional<DocNode> branch(DocNode ifBody, String key) {
    return ifBody instanceof DocMap b ? b.entry(key).map(Entry::value) : Optional.empty();
  }

  private Arg unknown(DocMap m, String why) {
    Messages.report(sink, Codes.UNSUPPORTED_PLACEHOLDER, m.span(), "a placeholder of " + component + " is kept as text: " + why,
        "kfp v1 placeholders are inputValue, inputPath, inputUri, outputPath, outputUri, concat and if/isPresent");
    return new Arg.UnknownPlaceholder(text(m));
  }

  private static String declared(Set<String> names) {
    return names.isEmpty() ? "it declares none" : "declared: " + String.join(", ", names.stream().limit(8).toList());
  }

  /** A compact JSON-like rendering of a node, for placeholders kept as text. */
  static String text(DocNode n) {
    if (n instanceof DocScalar s) {
      return s.text();
    }
    StringBuilder b = new StringBuilder();
    if (n instanceof DocSeq seq) {
      b.append('[');
      for (int i = 0; i < seq.items().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(text(seq.items().get(i)));
      }
      return b.append(']').toString();
    }
    DocMap m = (DocMap) n;
    b.append('{');
    for (int i = 0; i < m.entries().size(); i++) {
      Entry e = m.entries().get(i);
      b.append(i == 0 ? "" : ", ").append(e.key()).append(": ").append(text(e.value()));
    }
    return b.append('}').toString();
  }
}
