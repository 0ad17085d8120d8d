package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.kfp.v2.SpecReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises the Argo Workflow the KFP v2 backend compiles a PipelineSpec into (templates that run
 * the KFP {@code driver} and {@code launcher-v2}, the {@code pipelines.kubeflow.org/runtime-role}
 * annotation, a {@code components-root} parameter) and reads the PipelineSpec embedded in it. The
 * backend keeps every component spec, executor and the root DAG as JSON in workflow parameters
 * ({@code components-<key>}, {@code implementations-<key>}, {@code kubernetes-<component>}) and
 * names them in the arguments of its driver tasks, next to each task's spec; joined again they
 * are the pipeline spec, which the KFP v2 reader reads. Positions in it are the positions of the
 * parameters that hold it. The workflow's own templates are KFP machinery and are not read.
 */
final class EmbeddedSpec {
  private EmbeddedSpec() {}

  /** Whether a workflow spec is the KFP v2 backend's form. */
  static boolean isV2Backend(DocMap spec) {
    for (DocNode p : parameters(spec)) {
      if (p instanceof DocMap m && Templates.text(m, "name").filter("components-root"::equals).isPresent()) {
        return true;
      }
    }
    for (DocNode t : Templates.list(spec, "templates")) {
      if (!(t instanceof DocMap tm)) {
        continue;
      }
      Optional<DocNode> md = tm.entry("metadata").map(Entry::value);
      if (md.isPresent() && md.get() instanceof DocMap mm && mm.entry("annotations").map(Entry::value)
          .filter(a -> a instanceof DocMap am && am.entry("pipelines.kubeflow.org/runtime-role").isPresent()).isPresent()) {
        return true;
      }
      Optional<DocNode> c = tm.entry("container").map(Entry::value);
      if (c.isPresent() && c.get() instanceof DocMap cm) {
        List<DocNode> command = Templates.list(cm, "command");
        if (!command.isEmpty() && command.get(0) instanceof DocScalar s && (s.text().equals("driver") || s.text().equals("launcher-v2"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads the embedded spec; always reports that the file is this form, as an error when nothing could be read. */
  static Optional<Pipeline> read(SourceFile source, DiagnosticSink sink, DocMap spec, Span at, String fallbackName) {
    Map<String, DocScalar> params = new LinkedHashMap<>();
    for (DocNode p : parameters(spec)) {
      if (p instanceof DocMap m) {
        Optional<String> name = Templates.text(m, "name");
        Optional<DocNode> value = m.entry("value").map(Entry::value);
        if (name.isPresent() && value.isPresent() && value.get() instanceof DocScalar s) {
          params.put(name.get(), s);
        }
      }
    }
    // The compiler writes these sorted by key; so does this, for the same order of components.
    Map<String, DocNode> components = new TreeMap<>();
    Map<String, DocNode> executors = new TreeMap<>();
    Map<String, DocNode> platform = new TreeMap<>();
    Optional<DocNode> root = Optional.empty();
    String pipelineName = fallbackName;
    for (DocNode t : Templates.list(spec, "templates")) {
      if (!(t instanceof DocMap tm)) {
        continue;
      }
      pipelineName = driverFlag(tm, "--pipeline_name").filter(n -> !n.isEmpty() && !n.contains("{{")).orElse(pipelineName);
      Optional<DocNode> dag = tm.entry("dag").map(Entry::value);
      if (dag.isEmpty() || !(dag.get() instanceof DocMap dm)) {
        continue;
      }
      for (DocNode task : Templates.list(dm, "tasks")) {
        if (!(task instanceof DocMap taskMap)) {
          continue;
        }
        Map<String, DocScalar> args = arguments(taskMap);
        DocScalar component = args.get("component");
        if (component == null) {
          continue;
        }
        Optional<DocNode> compJson = resolve(component, params, source);
        if (compJson.isEmpty()) {
          continue;
        }
        if (args.get("task") == null) {
          if (component.text().contains("components-root")) {
            root = compJson;
          }
          continue;
        }
        Optional<DocNode> taskJson = json(args.get("task"), source);
        Optional<String> ref = taskJson.flatMap(j -> path(j, "componentRef", "name"));
        if (ref.isEmpty()) {
          continue;
        }
        components.putIfAbsent(ref.get(), compJson.get());
        Optional<String> label = path(compJson.get(), "executorLabel");
        if (label.isEmpty()) {
          continue;
        }
        for (String kind : new String[] {"container", "importer"}) {
          DocScalar impl = args.get(kind);
          if (impl != null && !executors.containsKey(label.get())) {
            resolve(impl, params, source).ifPresent(j -> executors.put(label.get(),
                new DocMap(List.of(new Entry(kind, impl.span(), j)), impl.span())));
          }
        }
        DocScalar k8s = args.get("kubernetes-config");
        if (k8s != null && !platform.containsKey(label.get())) {
          resolve(k8s, params, source).ifPresent(j -> platform.put(label.get(), j));
        }
      }
    }
    String message = "the kfp v2 backend compiled pipeline `" + pipelineName + "` into this argo workflow";
    String help = "convert the pipeline spec yaml that `kfp dsl compile` writes: it is the source of this workflow";
    if (root.isEmpty()) {
      sink.report(Messages.of(Codes.KFP_V2_ARGO_WORKFLOW, at, message + ", which holds no pipeline spec this reader can use")
          .withSeverity(Severity.ERROR).withHelp(help));
      return Optional.empty();
    }
    sink.report(Messages.of(Codes.KFP_V2_ARGO_WORKFLOW, at, message + "; the pipeline spec embedded in it is read instead")
        .withHelp(help));
    List<Entry> doc = new ArrayList<>();
    doc.add(new Entry("pipelineInfo", at, map(at, new Entry("name", at, new DocScalar(pipelineName, DocNode.ScalarKind.STRING, at)))));
    // The backend accepts only schema 2.1 specs; the version itself is not kept in the workflow.
    doc.add(new Entry("schemaVersion", at, new DocScalar("2.1.0", DocNode.ScalarKind.STRING, at)));
    doc.add(new Entry("components", at, map(at, entries(components, at))));
    doc.add(new Entry("deploymentSpec", at, map(at, new Entry("executors", at, map(at, entries(executors, at))))));
    doc.add(new Entry("root", at, root.get()));
    Optional<DocNode> platformDoc = Optional.empty();
    if (!platform.isEmpty()) {
      DocMap executorsMap = map(at, entries(platform, at));
      DocMap deployment = map(at, new Entry("executors", at, executorsMap));
      DocMap kubernetes = map(at, new Entry("deploymentSpec", at, deployment));
      DocMap platforms = map(at, new Entry("kubernetes", at, kubernetes));
      platformDoc = Optional.of(map(at, new Entry("platforms", at, platforms)));
    }
    Optional<Pipeline> p = new SpecReader(source, sink).read(new DocMap(doc, at), platformDoc);
    return p.map(x -> new Pipeline(x.name(), x.displayName(), x.description(),
        new Pipeline.SourceInfo(source.path(), "kfp-v2-argo", Optional.empty(), Optional.empty()), x.components(), x.root(),
        x.platform(), x.span()));
  }

  private static List<DocNode> parameters(DocMap spec) {
    Optional<DocNode> args = spec.entry("arguments").map(Entry::value);
    return args.isPresent() && args.get() instanceof DocMap a ? Templates.list(a, "parameters") : List.of();
  }

  private static Map<String, DocScalar> arguments(DocMap task) {
    Map<String, DocScalar> out = new LinkedHashMap<>();
    Optional<DocNode> args = task.entry("arguments").map(Entry::value);
    if (args.isPresent() && args.get() instanceof DocMap a) {
      for (DocNode p : Templates.list(a, "parameters")) {
        if (p instanceof DocMap m) {
          Optional<String> name = Templates.text(m, "name");
          Optional<DocNode> v = m.entry("value").map(Entry::value);
          if (name.isPresent() && v.isPresent() && v.get() instanceof DocScalar s) {
            out.put(name.get(), s);
          }
        }
      }
    }
    return out;
  }

  /** The value after a flag in a driver template's args. */
  private static Optional<String> driverFlag(DocMap template, String flag) {
    Optional<DocNode> c = template.entry("container").map(Entry::value);
    if (c.isEmpty() || !(c.get() instanceof DocMap cm)) {
      return Optional.empty();
    }
    List<DocNode> args = Templates.list(cm, "args");
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i) instanceof DocScalar s && s.text().equals(flag) && args.get(i + 1) instanceof DocScalar v) {
        return Optional.of(v.text());
      }
    }
    return Optional.empty();
  }

  /** The JSON a task argument holds, directly or through {@code {{workflow.parameters.x}}}. */
  private static Optional<DocNode> resolve(DocScalar value, Map<String, DocScalar> params, SourceFile source) {
    Optional<ArgoRef> ref = ArgoText.single(value.text());
    if (ref.isPresent()) {
      if (ref.get().kind() != ArgoRef.Kind.WORKFLOW_PARAMETER) {
        return Optional.empty();
      }
      DocScalar p = params.get(ref.get().name());
      return p == null ? Optional.empty() : json(p, source);
    }
    return json(value, source);
  }

  private static Optional<DocNode> json(DocScalar s, SourceFile source) {
    DiagnosticSink scratch = new DiagnosticSink();
    Optional<DocNode> n = new JsonLoader(source.path(), scratch).load(s.text());
    if (n.isEmpty() || scratch.hasErrors() || !(n.get() instanceof DocMap)) {
      return Optional.empty();
    }
    return Optional.of(respan(n.get(), s.span()));
  }

  /** The same tree with every position moved to {@code at}: the scalar that holds the JSON. */
  static DocNode respan(DocNode n, Span at) {
    if (n instanceof DocMap m) {
      List<Entry> entries = new ArrayList<>();
      for (Entry e : m.entries()) {
        entries.add(new Entry(e.key(), at, respan(e.value(), at)));
      }
      return new DocMap(entries, at);
    }
    if (n instanceof DocSeq s) {
      List<DocNode> items = new ArrayList<>();
      for (DocNode i : s.items()) {
        items.add(respan(i, at));
      }
      return new DocSeq(items, at);
    }
    DocScalar s = (DocScalar) n;
    return new DocScalar(s.text(), s.kind(), at);
  }

  private static Optional<String> path(DocNode n, String... keys) {
    DocNode cur = n;
    for (String k : keys) {
      if (!(cur instanceof DocMap m)) {
        return Optional.empty();
      }
      Optional<DocNode> next = m.entry(k).map(Entry::value);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      cur = next.get();
    }
    return cur instanceof DocScalar s ? Optional.of(s.text()) : Optional.empty();
  }

  private static DocMap map(Span at, Entry... entries) {
    return new DocMap(List.of(entries), at);
  }

  private static DocMap map(Span at, List<Entry> entries) {
    return new DocMap(entries, at);
  }

  private static List<Entry> entries(Map<String, DocNode> m, Span at) {
    List<Entry> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Entry(k, at, v)));
    return out;
  }
}
