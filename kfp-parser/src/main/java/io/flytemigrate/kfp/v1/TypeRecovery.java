package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recovers the types and descriptions of an Argo template's inputs and outputs from the KFP v1
 * component spec the KFP 1.x compiler embeds in the {@code pipelines.kubeflow.org/component_spec}
 * annotation. Argo names ports after the producing task ({@code producer-Output-1}) and
 * passes files at {@code /tmp/inputs/<name>/data} and {@code /tmp/outputs/<name>/data}, so a spec
 * port matches a template port by the {@code pipelines.kubeflow.org/arguments.parameters}
 * annotation, by its file path, or by its name with or without the template name in front
 * (compared lowercase with runs of other characters as one {@code -}).
 */
final class TypeRecovery {
  /** A port of the embedded spec. */
  record SpecPort(String name, String typeName, Optional<DocNode> typeSpec, Optional<String> description) {}

  private final List<SpecPort> inputs;
  private final List<SpecPort> outputs;
  private final Map<String, String> argumentInputs;
  private final Optional<String> description;

  private TypeRecovery(List<SpecPort> inputs, List<SpecPort> outputs, Map<String, String> argumentInputs,
      Optional<String> description) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.argumentInputs = argumentInputs;
    this.description = description;
  }

  static TypeRecovery none() {
    return new TypeRecovery(List.of(), List.of(), Map.of(), Optional.empty());
  }

  /**
   * From ports known some other way (the runtime info of the KFP v2-compatible launcher).
   *
   * @param argumentInputs template input name to spec input name
   */
  static TypeRecovery of(List<SpecPort> inputs, List<SpecPort> outputs, Map<String, String> argumentInputs) {
    return new TypeRecovery(List.copyOf(inputs), List.copyOf(outputs), Map.copyOf(argumentInputs), Optional.empty());
  }

  /**
   * @param spec the parsed component spec
   * @param arguments the parsed {@code arguments.parameters} annotation: spec input name to value
   */
  static TypeRecovery of(Optional<DocNode> spec, Optional<DocNode> arguments) {
    List<SpecPort> in = new ArrayList<>();
    List<SpecPort> out = new ArrayList<>();
    Optional<String> description = Optional.empty();
    if (spec.isPresent() && spec.get() instanceof DocMap m) {
      in = ports(m, "inputs");
      out = ports(m, "outputs");
      description = Templates.text(m, "description").map(String::strip);
    }
    Map<String, String> args = new TreeMap<>();
    if (arguments.isPresent() && arguments.get() instanceof DocMap a) {
      for (Entry e : a.entries()) {
        if (e.value() instanceof DocScalar s) {
          ArgoText.single(s.text()).filter(r -> r.kind() == ArgoRef.Kind.INPUT_PARAMETER)
              .ifPresent(r -> args.put(r.name(), e.key()));
        }
      }
    }
    return new TypeRecovery(in, out, args, description);
  }

  Optional<String> description() {
    return description;
  }

  /** The spec input matching a template input. */
  Optional<SpecPort> input(String templateInput, Optional<String> path) {
    String byArgument = argumentInputs.get(templateInput);
    if (byArgument != null) {
      Optional<SpecPort> p = inputs.stream().filter(x -> x.name().equals(byArgument)).findFirst();
      if (p.isPresent()) {
        return p;
      }
    }
    Optional<String> folder = path.flatMap(p -> folder(p, "/tmp/inputs/"));
    return inputs.stream()
        .filter(x -> folder.map(f -> norm(f).equals(norm(x.name()))).orElse(false) || norm(x.name()).equals(norm(templateInput)))
        .findFirst();
  }

  /** The spec output matching a template output. */
  Optional<SpecPort> output(String template, String templateOutput, Optional<String> path) {
    Optional<String> folder = path.flatMap(p -> folder(p, "/tmp/outputs/"));
    return outputs.stream()
        .filter(x -> folder.map(f -> norm(f).equals(norm(x.name()))).orElse(false)
            || norm(templateOutput).equals(norm(template + "-" + x.name()))
            || norm(templateOutput).equals(norm(x.name())))
        .findFirst();
  }

  /**
   * The type of a template port, given how Argo passes it: a parameter keeps its spec type when
   * that is a parameter type and is a string otherwise (Argo parameters are strings); an
   * artifact is an artifact of the spec's type name.
   */
  static IrType type(Optional<SpecPort> spec, boolean artifact) {
    if (spec.isEmpty() || spec.get().typeName().isEmpty()) {
      return artifact ? V1Types.artifact("", Optional.empty()) : IrType.primitive(IrType.Scalar.STRING);
    }
    SpecPort p = spec.get();
    if (artifact) {
      return V1Types.artifact(p.typeName(), p.typeSpec());
    }
    return V1Types.isParameter(p.typeName()) ? V1Types.valueType(p.typeName()) : IrType.primitive(IrType.Scalar.STRING);
  }

  private static List<SpecPort> ports(DocMap spec, String key) {
    List<SpecPort> out = new ArrayList<>();
    for (DocNode n : Templates.list(spec, key)) {
      if (n instanceof DocMap m) {
        Optional<String> name = Templates.text(m, "name");
        if (name.isPresent()) {
          Optional<DocNode> type = m.entry("type").map(Entry::value);
          out.add(new SpecPort(name.get(), V1Types.name(type), type, Templates.text(m, "description").map(String::strip)));
        }
      }
    }
    return out;
  }

  private static Optional<String> folder(String path, String prefix) {
    if (path.startsWith(prefix) && path.endsWith("/data")) {
      return Optional.of(path.substring(prefix.length(), path.length() - "/data".length()));
    }
    return Optional.empty();
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
