package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.JsonLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses KFP v2 command-line strings into {@link Arg}s: {@code {{$.inputs.parameters['x']}}} and
 * its kin inside text, and the JSON-encoded {@code {"Concat": [...]}} and {@code {"IfPresent":
 * {...}}} structures. Unknown placeholders are kept as text and reported.
 */
public final class Placeholders {
  private final DiagnosticSink sink;

  public Placeholders(DiagnosticSink sink) {
    this.sink = sink;
  }

  /** Parses one argument string found at {@code span}. */
  public Arg parse(String text, Span span) {
    String trimmed = text.trim();
    if (trimmed.startsWith("{\"Concat\"") || trimmed.startsWith("{\"IfPresent\"")) {
      DiagnosticSink scratch = new DiagnosticSink();
      Optional<DocNode> json = new JsonLoader(span.file(), scratch).load(trimmed);
      if (json.isPresent() && !scratch.hasErrors()) {
        Optional<Arg> structured = structured(json.get(), span);
        if (structured.isPresent()) {
          return structured.get();
        }
      }
      sink.report(Codes.UNKNOWN_PLACEHOLDER, span, "structured placeholder is not valid `Concat` or `IfPresent` json and is kept as text");
      return new Arg.Literal(text);
    }
    return template(text, span);
  }

  /** Parses text with embedded {@code {{...}}} placeholders. */
  public Arg template(String text, Span span) {
    List<Arg> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{$", i);
      if (open < 0) {
        literal.append(text, i, text.length());
        break;
      }
      int close = text.indexOf("}}", open);
      if (close < 0) {
        literal.append(text, i, text.length());
        break;
      }
      literal.append(text, i, open);
      String inner = text.substring(open + 2, close).trim();
      if (literal.length() > 0) {
        parts.add(new Arg.Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(placeholder(inner, span));
      i = close + 2;
    }
    if (literal.length() > 0) {
      parts.add(new Arg.Literal(literal.toString()));
    }
    if (parts.isEmpty()) {
      return new Arg.Literal("");
    }
    return parts.size() == 1 ? parts.get(0) : new Arg.Concat(parts);
  }

  /** Whether a string holds any placeholder. */
  public static boolean hasPlaceholder(String text) {
    return text.contains("{{$");
  }

  private Arg placeholder(String inner, Span span) {
    if (inner.equals("$")) {
      return new Arg.RuntimeValue("executor-input");
    }
    String rest = inner.startsWith("$.") ? inner.substring(2) : null;
    if (rest != null) {
      for (String[] prefix : new String[][] {
          {"inputs.parameters[", "in", "p"}, {"inputs.artifacts[", "in", "a"},
          {"outputs.parameters[", "out", "p"}, {"outputs.artifacts[", "out", "a"}}) {
        if (rest.startsWith(prefix[0])) {
          Optional<Arg> ref = ref(rest.substring(prefix[0].length()), prefix[1].equals("in"), prefix[2].equals("a"));
          if (ref.isPresent()) {
            return ref.get();
          }
        }
      }
      if (rest.matches("[a-z_]+")) {
        return new Arg.RuntimeValue(rest);
      }
    }
    sink.report(Codes.UNKNOWN_PLACEHOLDER, span, "placeholder `{{" + inner + "}}` is not recognised and is kept as text");
    return new Arg.UnknownPlaceholder("{{" + inner + "}}");
  }

  /** Parses {@code 'name'].path} and the like after the opening bracket. */
  private static Optional<Arg> ref(String s, boolean input, boolean artifact) {
    if (s.isEmpty() || (s.charAt(0) != '\'' && s.charAt(0) != '"')) {
      return Optional.empty();
    }
    char quote = s.charAt(0);
    int end = s.indexOf(quote, 1);
    if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
      return Optional.empty();
    }
    String name = s.substring(1, end);
    String suffix = s.substring(end + 2);
    Access access;
    switch (suffix) {
      case "" -> access = artifact ? Access.OBJECT : Access.VALUE;
      case ".path" -> access = Access.PATH;
      case ".uri" -> access = Access.URI;
      case ".metadata" -> access = Access.METADATA;
      case ".output_file" -> access = Access.OUTPUT_FILE;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(input ? new Arg.InputRef(name, access) : new Arg.OutputRef(name, access));
  }

  private Optional<Arg> structured(DocNode node, Span span) {
    if (node instanceof DocNode.DocScalar s) {
      return Optional.of(template(s.text(), span));
    }
    if (!(node instanceof DocNode.DocMap m) || m.entries().size() != 1) {
      return Optional.empty();
    }
    DocNode.Entry e = m.entries().get(0);
    if (e.key().equals("Concat") && e.value() instanceof DocNode.DocSeq seq) {
      List<Arg> parts = new ArrayList<>();
      for (DocNode item : seq.items()) {
        Optional<Arg> a = structured(item, span);
        if (a.isEmpty()) {
          return Optional.empty();
        }
        parts.add(a.get());
      }
      return Optional.of(new Arg.Concat(parts));
    }
    if (e.key().equals("IfPresent") && e.value() instanceof DocNode.DocMap body) {
      Optional<DocNode.Entry> name = body.entry("InputName");
      if (name.isEmpty() || !(name.get().value() instanceof DocNode.DocScalar n)) {
        return Optional.empty();
      }
      Optional<List<Arg>> then = list(body.entry("Then").map(DocNode.Entry::value), span);
      Optional<List<Arg>> otherwise = list(body.entry("Else").map(DocNode.Entry::value), span);
      if (then.isEmpty() || otherwise.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Arg.IfPresent(n.text(), then.get(), otherwise.get()));
    }
    return Optional.empty();
  }

  private Optional<List<Arg>> list(Optional<DocNode> node, Span span) {
    if (node.isEmpty()) {
      return Optional.of(List.of());
    }
    List<DocNode> items = node.get() instanceof DocNode.DocSeq seq ? seq.items() : List.of(node.get());
    List<Arg> out = new ArrayList<>();
    for (DocNode item : items) {
      Optional<Arg> a = structured(item, span);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      out.add(a.get());
    }
    return Optional.of(out);
  }
}
