package io.flytemigrate.kfp;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.kfp.tree.YamlLoader;
import io.flytemigrate.kfp.v1.ComponentSpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a KFP v1 component spec ({@code component.yaml}: {@code name}, typed {@code inputs} and
 * {@code outputs}, {@code implementation.container} or {@code implementation.graph}) into a
 * pipeline of one task, so that the component converts into one reusable Flyte task. The
 * pipeline's components hold the component (and, for a graph component, the components its
 * tasks use); its root graph calls the component once, each input bound to a pipeline input of
 * the same name and each output exposed under its own name. Never throws on bad input.
 */
public final class KfpV1ComponentReader implements PipelineReader {
  private static final Pattern IMPLEMENTATION = Pattern.compile("(?m)^[\"']?implementation[\"']?[ \\t]*:");
  private static final Pattern BODY = Pattern.compile("(?m)^[ \\t]+[\"']?(container|graph)[\"']?[ \\t]*:|[{,][ \\t]*[\"']?(container|graph)[\"']?[ \\t]*:");

  @Override
  public String format() {
    return "kfp-v1-component";
  }

  /** Recognises a top-level {@code implementation:} with a {@code container:} or {@code graph:} in it. */
  @Override
  public boolean accepts(SourceFile source) {
    String t = source.text();
    if (firstNonSpace(t) == '{') {
      return t.contains("\"implementation\"") && (t.contains("\"container\"") || t.contains("\"graph\""));
    }
    return IMPLEMENTATION.matcher(t).find() && BODY.matcher(t).find();
  }

  @Override
  public Outcome<Pipeline> read(SourceFile source) {
    DiagnosticSink sink = new DiagnosticSink();
    List<DocNode> documents = firstNonSpace(source.text()) == '{'
        ? new JsonLoader(source.path(), sink).load(source.text()).map(List::of).orElse(List.of())
        : new YamlLoader(source.path(), sink).load(source.text());
    if (documents.isEmpty()) {
      if (!sink.hasErrors()) {
        sink.report(Codes.MISSING_FIELD, Span.at(source.path(), 1, 1), "the file holds no component spec");
      }
      return Outcome.failed(sink.sorted());
    }
    for (int i = 1; i < documents.size(); i++) {
      sink.report(Codes.EXTRA_V1_DOCUMENT, documents.get(i).span(), "a second yaml document after the component spec is ignored",
          "a component.yaml holds one component; put each component in its own file");
    }
    Optional<ComponentSpecReader.Result> read = new ComponentSpecReader(source, sink).read(documents.get(0), Optional.empty());
    return new Outcome<>(read.map(r -> pipeline(source, r)), sink.sorted());
  }

  private static Pipeline pipeline(SourceFile source, ComponentSpecReader.Result r) {
    Component c = r.component();
    String nodeId = ComponentSpecReader.slug(r.name());
    List<InputBinding> inputs = new ArrayList<>();
    for (Port p : c.iface().inputs()) {
      inputs.add(new InputBinding(p.name(), new Binding.GraphInput(p.name()), p.span()));
    }
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    for (Port p : c.iface().outputs()) {
      outputs.add(new Graph.GraphOutput(p.name(), List.of(new Graph.Source(nodeId, p.name())), false, false, p.span()));
    }
    Node task = new Node.TaskNode(nodeId, r.name(), c.id(), inputs, List.of(), TaskSettings.DEFAULT, Optional.empty(), c.span());
    Graph root = new Graph(c.iface(), List.of(task), outputs, c.span());
    List<Component> components = new ArrayList<>(r.dependencies());
    components.add(c);
    Optional<String> description = c instanceof Component.ContainerComponent cc ? cc.description()
        : c instanceof Component.PipelineComponent pc ? pc.description() : Optional.empty();
    Pipeline.PipelineSettings settings = r.metadata().isEmpty() ? Pipeline.PipelineSettings.NONE
        : new Pipeline.PipelineSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), r.metadata(), c.span());
    return new Pipeline(nodeId, Optional.of(r.name()).filter(n -> !n.equals(nodeId)), description,
        new Pipeline.SourceInfo(source.path(), "kfp-v1-component", Optional.empty(), Optional.empty()),
        components, root, settings, c.span());
  }

  private static char firstNonSpace(String t) {
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
        return ch;
      }
    }
    return 0;
  }
}
