package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings.FieldPathEnv;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one KFP v1 component spec (the content of a {@code component.yaml}, or the spec embedded
 * in an Argo template's {@code pipelines.kubeflow.org/component_spec} annotation) into a {@link
 * Component}: a {@link Component.ContainerComponent} for {@code implementation.container}, a
 * {@link Component.PipelineComponent} for {@code implementation.graph}. Whether a port is an
 * artifact follows from how the command line passes it (see {@link V1Types}).
 */
public final class ComponentSpecReader {
  private final SourceFile source;
  private final DiagnosticSink sink;

  public ComponentSpecReader(SourceFile source, DiagnosticSink sink) {
    this.source = source;
    this.sink = sink;
  }

  /**
   * A component read from a spec.
   *
   * @param name the spec's {@code name}, as written
   * @param dependencies components the main one uses (the tasks of a graph component)
   * @param metadata {@code metadata.annotations} and {@code metadata.labels}, as attributes
   */
  public record Result(Component component, String name, List<Component> dependencies, List<Attribute> metadata) {
    public Result {
      dependencies = List.copyOf(dependencies);
      metadata = List.copyOf(metadata);
    }
  }

  /** A lowercase kebab-case identifier made of a free-form name ({@code Train model} to {@code train-model}). */
  public static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "component" : s;
  }

  /** The component id the KFP v2 SDK would give a v1 component of this name. */
  public static String componentId(String name) {
    return "comp-" + slug(name);
  }

  /** Reads a component spec; {@code id} is the component id to give it when it has no name. */
  public Optional<Result> read(DocNode loaded, Optional<String> id) {
    DocNode node = Messages.oneLineNames(loaded);
    Optional<Fields> f = Fields.of(node, "the component spec", sink);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Fields c = f.get();
    String name = c.string("name").orElse(id.orElse("component"));
    String compId = id.orElse(componentId(name));
    String where = "component `" + name + "`";
    Optional<String> description = c.string("description").map(String::strip);
    List<Attribute> metadata = metadata(c);
    c.ignore("version");

    Optional<Fields> impl = c.map("implementation");
    Optional<Fields> container = impl.flatMap(i -> i.map("container"));
    Optional<Fields> graph = impl.flatMap(i -> i.map("graph"));
    List<DocNode> commandNodes = container.map(x -> x.seq("command")).orElse(List.of());
    List<DocNode> argNodes = container.map(x -> x.seq("args")).orElse(List.of());
    List<DocNode> cmdline = new ArrayList<>(commandNodes);
    cmdline.addAll(argNodes);
    Map<String, EnumSet<Access>> usage = CommandLine.usage(cmdline);
    Interface iface = new Interface(ports(c, "inputs", true, usage, where), ports(c, "outputs", false, usage, where));
    c.done();

    if (impl.isEmpty()) {
      c.missing("implementation");
      return Optional.of(new Result(new Component.OpaqueComponent(compId, iface, "kfp-v1-no-implementation", "", c.span()),
          name, List.of(), metadata));
    }
    Fields i = impl.get();
    i.done();
    if (container.isPresent()) {
      Component comp = container(compId, where, iface, description, container.get(), commandNodes, argNodes, c.span());
      return Optional.of(new Result(comp, name, List.of(), metadata));
    }
    if (graph.isPresent()) {
      GraphSpecReader.Read g = new GraphSpecReader(source, sink, this).read(graph.get(), iface, where);
      return Optional.of(new Result(new Component.PipelineComponent(compId, description, g.graph(), c.span()),
          name, g.components(), metadata));
    }
    Messages.report(sink, Codes.MISSING_FIELD, i.span(), "the implementation of " + where + " has neither `container` nor `graph`");
    return Optional.of(new Result(new Component.OpaqueComponent(compId, iface, "kfp-v1-unknown-implementation", "", c.span()),
        name, List.of(), metadata));
  }

  private List<Attribute> metadata(Fields c) {
    List<Attribute> out = new ArrayList<>();
    c.map("metadata").ifPresent(m -> {
      for (String kind : new String[] {"annotations", "labels"}) {
        for (Entry e : m.entries(kind)) {
          out.add(new Attribute("metadata." + kind + "." + e.key(), Fields.toValue(e.value()), e.keySpan()));
        }
      }
      m.done();
    });
    return out;
  }

  List<Port> ports(Fields c, String key, boolean input, Map<String, EnumSet<Access>> usage, String where) {
    List<Port> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (DocNode n : c.seq(key)) {
      Optional<Fields> pf = Fields.of(n, "an entry of `" + key + "`", sink);
      if (pf.isEmpty()) {
        continue;
      }
      Fields p = pf.get();
      Optional<String> name = p.requireString("name");
      Optional<DocNode> typeSpec = p.node("type");
      String typeName = V1Types.name(typeSpec);
      Set<Access> used = name.map(x -> (Set<Access>) usage.getOrDefault(input ? x : CommandLine.OUTPUT_PREFIX + x,
          EnumSet.noneOf(Access.class))).orElse(Set.of());
      boolean byFile = used.contains(Access.PATH) || used.contains(Access.URI) || used.contains(Access.METADATA);
      boolean artifact;
      IrType type;
      if (input) {
        artifact = byFile ? !V1Types.isParameter(typeName)
            : !used.contains(Access.VALUE) && !typeName.isEmpty() && !V1Types.isParameter(typeName) && !p.has("default");
      } else {
        artifact = used.contains(Access.URI) || used.contains(Access.METADATA) || !V1Types.isParameter(typeName);
      }
      type = artifact ? V1Types.artifact(typeName, typeSpec) : V1Types.valueType(typeName);
      Optional<DocNode> written = input ? p.node("default") : Optional.empty();
      Span defaultSpan = p.valueSpan("default");
      Optional<Value> def = written.flatMap(d -> JsonDefaults.fit(V1Types.defaultValue(d, type, source.path()), d, type, typeName,
          name.orElse(""), where, defaultSpan, sink));
      boolean optional = input && (p.bool("optional").orElse(false) || written.isPresent());
      Optional<String> description = p.string("description").map(String::strip);
      p.ignore("annotations");
      p.done();
      if (name.isEmpty()) {
        continue;
      }
      if (!seen.add(name.get())) {
        Messages.report(sink, Codes.DUPLICATE_NAME, p.span(), "`" + name.get() + "` is declared twice in `" + key + "`");
        continue;
      }
      out.add(new Port(name.get(), type, artifact, optional, def, description, p.span()));
    }
    return out;
  }

  private Component container(String id, String where, Interface iface, Optional<String> description, Fields x,
      List<DocNode> commandNodes, List<DocNode> argNodes, Span span) {
    String image = ContainerImage.read(x, where, sink);
    Set<String> inputs = new LinkedHashSet<>();
    iface.inputs().forEach(p -> inputs.add(p.name()));
    Map<String, Boolean> outputs = new LinkedHashMap<>();
    iface.outputs().forEach(p -> outputs.put(p.name(), p.artifact()));
    CommandLine cl = new CommandLine(sink, where, inputs, outputs);
    List<Arg> command = cl.args(commandNodes);
    List<Arg> args = cl.args(argNodes);
    List<EnvVar> env = new ArrayList<>();
    List<FieldPathEnv> fieldEnv = new ArrayList<>();
    for (Entry e : x.entries("env")) {
      String value = e.value() instanceof DocNode.DocScalar s ? s.text() : "";
      Optional<String> fieldPath = switch (value.strip()) {
        case "{{pod.name}}" -> Optional.of("metadata.name");
        case "{{pod.namespace}}", "{{workflow.namespace}}" -> Optional.of("metadata.namespace");
        default -> Optional.empty();
      };
      if (fieldPath.isPresent()) {
        fieldEnv.add(new FieldPathEnv(e.key(), fieldPath.get()));
        continue;
      }
      if (value.contains("{{")) {
        Messages.report(sink, Codes.RUNTIME_SETTING, e.value().span(),
            "environment variable `" + e.key() + "` of " + where + " holds the argo expression `" + value + "`, which is kept as text");
      }
      env.add(new EnvVar(e.key(), value, e.keySpan()));
    }
    for (Entry e : x.entries("fileOutputs")) {
      String path = e.value() instanceof DocNode.DocScalar s ? s.text() : "";
      if (!outputs.containsKey(e.key())) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, e.keySpan(), "`fileOutputs` names output `" + e.key() + "`, which " + where + " does not declare");
        continue;
      }
      Messages.report(sink, Codes.PATH_NOT_IN_COMMAND, e.keySpan(),
          "output `" + e.key() + "` of " + where + " is written to the fixed path `" + path + "` (`fileOutputs`), not to a path flyte chooses",
          "make the program write to `{outputPath: " + e.key() + "}` passed on the command line; until then the output is not collected");
    }
    x.done();
    var k8s = new PodSettings().fieldPathEnvs(fieldEnv).build(x.span());
    ContainerSpec spec = new ContainerSpec(image, command, args, env, Resources.NONE, k8s, x.span());
    return new Component.ContainerComponent(id, iface, description, spec, span);
  }
}
