package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Undoes the KFP 1.6-1.8 "v2-compatible" wrapping of a container template. That mode runs the
 * user's command through {@code /kfp-launcher/launch <flags> -- name=value ... --}, copied in by
 * a {@code kfp-launcher} init container, with the command's placeholders in the KFP v2 form
 * ({@code {{$.inputs.parameters['text']}}}) and the component's ports described by the {@code
 * KFP_V2_RUNTIME_INFO} environment variable. The unwrapped command is the user's; the launcher's
 * flags, environment, volume and init container are dropped, and the v2 placeholders are renamed
 * to the template's own ports.
 */
final class V2CompatLauncher {
  static final String LAUNCH = "/kfp-launcher/launch";
  /** The environment the launcher needs and the user's program does not. */
  static final Set<String> LAUNCHER_ENV = Set.of("KFP_POD_NAME", "KFP_POD_UID", "KFP_NAMESPACE", "WORKFLOW_ID", "KFP_RUN_ID",
      "ENABLE_CACHING", "KFP_V2_IMAGE", "KFP_V2_RUNTIME_INFO");

  private V2CompatLauncher() {}

  /**
   * The user's part of a wrapped template.
   *
   * @param command the user's command line: what follows the launcher's flags, then the args
   * @param parameters v2 input name to template input name, from the {@code name=value} pairs
   * @param types the ports the runtime info describes
   */
  record Unwrapped(List<DocNode> command, Map<String, String> parameters, TypeRecovery types, RuntimeInfo info) {}

  /** The launcher's description of the component's ports: name to type and file. */
  record RuntimeInfo(Map<String, String> inputArtifactPaths, Map<String, String> outputPaths) {}

  static boolean isWrapped(DocMap container) {
    List<DocNode> command = Templates.list(container, "command");
    return !command.isEmpty() && command.get(0) instanceof DocScalar s && s.text().equals(LAUNCH);
  }

  static Unwrapped unwrap(DocMap container, String file) {
    List<DocNode> command = Templates.list(container, "command");
    List<DocNode> user = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    int separators = 0;
    for (DocNode n : command) {
      String t = n instanceof DocScalar s ? s.text() : "";
      if (separators < 2 && t.equals("--")) {
        separators++;
        continue;
      }
      if (separators == 1) {
        int eq = t.indexOf('=');
        if (eq > 0) {
          String v2Name = t.substring(0, eq);
          ArgoText.single(t.substring(eq + 1)).filter(r -> r.kind() == ArgoRef.Kind.INPUT_PARAMETER)
              .ifPresent(r -> parameters.put(v2Name, r.name()));
        }
      } else if (separators == 2) {
        user.add(n);
      }
    }
    user.addAll(Templates.list(container, "args"));
    Optional<DocNode> info = Optional.empty();
    for (DocNode e : Templates.list(container, "env")) {
      if (e instanceof DocMap m && Templates.text(m, "name").filter("KFP_V2_RUNTIME_INFO"::equals).isPresent()) {
        info = Templates.text(m, "value").flatMap(v -> new JsonLoader(file, new DiagnosticSink()).load(v));
      }
    }
    List<TypeRecovery.SpecPort> in = new ArrayList<>();
    List<TypeRecovery.SpecPort> out = new ArrayList<>();
    Map<String, String> inPaths = new LinkedHashMap<>();
    Map<String, String> outPaths = new LinkedHashMap<>();
    if (info.isPresent() && info.get() instanceof DocMap m) {
      ports(m, "inputParameters", in, null);
      ports(m, "inputArtifacts", in, inPaths);
      ports(m, "outputParameters", out, outPaths);
      ports(m, "outputArtifacts", out, outPaths);
    }
    Map<String, String> templateToV2 = new LinkedHashMap<>();
    parameters.forEach((v2, template) -> templateToV2.put(template, v2));
    return new Unwrapped(user, parameters, TypeRecovery.of(in, out, templateToV2), new RuntimeInfo(inPaths, outPaths));
  }

  private static void ports(DocMap info, String key, List<TypeRecovery.SpecPort> out, Map<String, String> paths) {
    Optional<DocNode> section = info.entry(key).map(Entry::value);
    if (section.isEmpty() || !(section.get() instanceof DocMap m)) {
      return;
    }
    for (Entry e : m.entries()) {
      if (!(e.value() instanceof DocMap p)) {
        continue;
      }
      String type = Templates.text(p, "type").map(V2CompatLauncher::v1Type).or(() -> Templates.text(p, "schemaTitle")).orElse("");
      out.add(new TypeRecovery.SpecPort(e.key(), type, Optional.empty(), Optional.empty()));
      if (paths != null) {
        Templates.text(p, "path").or(() -> Templates.text(p, "metadataPath")).ifPresent(x -> paths.put(e.key(), x));
      }
    }
  }

  private static String v1Type(String v2) {
    return switch (v2) {
      case "INT", "NUMBER_INTEGER" -> "Integer";
      case "DOUBLE", "NUMBER_DOUBLE" -> "Float";
      case "BOOLEAN" -> "Bool";
      case "STRUCT" -> "JsonObject";
      case "LIST" -> "JsonArray";
      default -> "String";
    };
  }

  /**
   * Renames the ports that KFP v2 placeholders name (the component's own names) to the
   * template's: parameters through the launcher's {@code name=value} pairs, artifacts and outputs
   * through the files the runtime info and the template agree on.
   */
  static Arg rename(Arg a, Unwrapped u, TemplatePorts.Ports ports) {
    if (a instanceof Arg.InputRef r) {
      String name = u.parameters().getOrDefault(r.input(), byPath(u.info().inputArtifactPaths().get(r.input()), ports.inputArtifactPaths())
          .orElse(r.input()));
      return new Arg.InputRef(name, r.access());
    }
    if (a instanceof Arg.OutputRef r) {
      return new Arg.OutputRef(byPath(u.info().outputPaths().get(r.output()), ports.outputPaths()).orElse(r.output()), r.access());
    }
    if (a instanceof Arg.Concat c) {
      List<Arg> parts = new ArrayList<>();
      c.parts().forEach(p -> parts.add(rename(p, u, ports)));
      return new Arg.Concat(parts);
    }
    return a;
  }

  private static Optional<String> byPath(String path, Map<String, String> templatePaths) {
    if (path == null) {
      return Optional.empty();
    }
    return templatePaths.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey).findFirst();
  }
}
