package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The templates of one workflow by name, in source order, with what kind each one is. */
final class Templates {
  /** What a template does; the first of these keys it has decides. */
  enum Kind {
    CONTAINER("container"),
    SCRIPT("script"),
    DAG("dag"),
    STEPS("steps"),
    RESOURCE("resource"),
    SUSPEND("suspend"),
    CONTAINER_SET("containerSet"),
    HTTP("http"),
    PLUGIN("plugin"),
    DATA("data"),
    /** None of the above. */
    EMPTY("");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  /** One template. */
  record Template(String name, Kind kind, DocMap node, Span span) {}

  private final Map<String, Template> byName = new LinkedHashMap<>();

  /** Indexes {@code spec.templates}; reports unnamed and duplicate templates. */
  Templates(List<DocNode> items, DiagnosticSink sink) {
    for (DocNode n : items) {
      if (!(n instanceof DocMap m)) {
        Messages.report(sink, Codes.WRONG_SHAPE, n.span(), "a template must be a mapping, found a " + n.describe());
        continue;
      }
      Optional<String> name = text(m, "name");
      if (name.isEmpty()) {
        Messages.report(sink, Codes.MISSING_FIELD, m.span(), "a template has no `name`");
        continue;
      }
      Kind kind = Kind.EMPTY;
      for (Kind k : Kind.values()) {
        if (k != Kind.EMPTY && m.entry(k.key).isPresent()) {
          kind = k;
          break;
        }
      }
      Span span = m.entry("name").map(e -> e.value().span()).orElse(m.span());
      Template previous = byName.putIfAbsent(name.get(), new Template(name.get(), kind, m, span));
      if (previous != null) {
        sink.report(Messages.of(Codes.DUPLICATE_NAME, span, "template `" + name.get() + "` is defined twice")
            .withLabel(previous.span(), "first defined here"));
      }
    }
  }

  Optional<Template> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<Template> all() {
    return List.copyOf(byName.values());
  }

  Set<String> names() {
    return byName.keySet();
  }

  /** The names a template declares under {@code inputs} or {@code outputs}, parameters then artifacts. */
  static Set<String> declared(Template t, String section) {
    Set<String> out = new LinkedHashSet<>();
    Optional<DocNode> s = t.node().entry(section).map(Entry::value);
    if (s.isPresent() && s.get() instanceof DocMap m) {
      for (String kind : new String[] {"parameters", "artifacts"}) {
        Optional<DocNode> list = m.entry(kind).map(Entry::value);
        if (list.isPresent() && list.get() instanceof DocSeq seq) {
          for (DocNode item : seq.items()) {
            if (item instanceof DocMap im) {
              text(im, "name").ifPresent(out::add);
            }
          }
        }
      }
    }
    return out;
  }

  /** The text of a scalar field of a mapping. */
  static Optional<String> text(DocMap m, String key) {
    return m.entry(key).map(Entry::value).filter(v -> v instanceof DocScalar s && s.kind() != DocNode.ScalarKind.NULL)
        .map(v -> ((DocScalar) v).text());
  }

  /** The items of a list field of a mapping, or none. */
  static List<DocNode> list(DocMap m, String key) {
    Optional<DocNode> v = m.entry(key).map(Entry::value);
    return v.isPresent() && v.get() instanceof DocSeq s ? s.items() : new ArrayList<>();
  }
}
