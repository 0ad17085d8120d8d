package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code inputs} and {@code outputs} of an Argo template into ports. A parameter and an
 * artifact of the same name (the KFP 1.x compiler writes both for each output) are one port, a
 * parameter. Types come from the embedded KFP component spec when there is one ({@link
 * TypeRecovery}); otherwise parameters are strings and artifacts generic.
 */
final class TemplatePorts {
  private TemplatePorts() {}

  /** Where a dag or steps template takes an output from: the expression as written. */
  record OutputSource(String name, String expression, Span span) {}

  /**
   * The ports of a template.
   *
   * @param inputArtifactPaths input artifact name to the path Argo puts it at
   * @param outputPaths output name to the path the template writes it to
   * @param outputSources for dag and steps templates, where each output comes from
   */
  record Ports(
      List<Port> inputs,
      List<Port> outputs,
      Map<String, String> inputArtifactPaths,
      Map<String, String> outputPaths,
      List<OutputSource> outputSources) {

    Optional<Port> input(String name) {
      return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    Optional<Port> output(String name) {
      return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** These ports with the untyped outputs a loop iterates over typed as lists. */
    Ports withListOutputs(String template, ListValued lists, TypeRecovery types) {
      List<Port> out = new ArrayList<>();
      for (Port p : outputs) {
        boolean untyped = types.output(template, p.name(), Optional.ofNullable(outputPaths.get(p.name())))
            .filter(s -> !s.typeName().isEmpty()).isEmpty();
        out.add(untyped && !p.artifact() && lists.outputs().contains(template + "/" + p.name()) ? WorkflowReader.asList(p) : p);
      }
      return new Ports(inputs, out, inputArtifactPaths, outputPaths, outputSources);
    }
  }

  static Ports read(Fields t, String template, TypeRecovery types, DiagnosticSink sink) {
    return read(t, template, types, Map.of(), sink);
  }

  /**
   * @param hints types for input parameters the spec does not type (what a caller binds to them)
   */
  static Ports read(Fields t, String template, TypeRecovery types, Map<String, IrType> hints, DiagnosticSink sink) {
    Map<String, Port> inputs = new LinkedHashMap<>();
    Map<String, String> inPaths = new LinkedHashMap<>();
    Optional<Fields> in = t.map("inputs");
    if (in.isPresent()) {
      for (Fields p : items(in.get(), "parameters", sink)) {
        Optional<String> name = p.requireString("name");
        Optional<Value> def = p.value("default").or(() -> p.value("value")).map(TemplatePorts::text);
        Optional<String> description = p.string("description");
        p.ignore("enum");
        Optional<DocNode> valueFrom = p.node("valueFrom");
        valueFrom.ifPresent(v -> Messages.report(sink, Codes.UNTRANSLATED_SETTING, v.span(),
            "`valueFrom` of input `" + name.orElse("") + "` of template `" + template + "` is not translated"));
        p.done();
        if (name.isEmpty()) {
          continue;
        }
        Optional<TypeRecovery.SpecPort> spec = types.input(name.get(), Optional.empty());
        IrType type = spec.filter(s -> !s.typeName().isEmpty()).isEmpty() && hints.containsKey(name.get()) && !isArtifactLike(hints.get(name.get()))
            ? hints.get(name.get()) : TypeRecovery.type(spec, false);
        Optional<Value> typedDefault = def.map(d -> d instanceof Value.Str s ? typed(s.value(), type) : d);
        add(inputs, new Port(name.get(), type, false, typedDefault.isPresent(), typedDefault,
            description.or(() -> spec.flatMap(TypeRecovery.SpecPort::description)), p.span()), sink, template);
      }
      for (Fields a : items(in.get(), "artifacts", sink)) {
        Optional<String> name = a.requireString("name");
        Optional<String> path = a.string("path");
        boolean optional = a.bool("optional").orElse(false);
        Optional<Value> def = Optional.empty();
        Optional<Fields> raw = a.map("raw");
        if (raw.isPresent()) {
          def = raw.get().string("data").map(Value.Str::new);
          raw.get().done();
        }
        Optional<String> uri = location(a);
        if (uri.isPresent()) {
          def = uri.map(Value.Str::new);
        }
        a.ignore("mode", "archive", "from", "subPath", "recurseMode", "globalName", "deleted", "fromExpression");
        a.done();
        if (name.isEmpty()) {
          continue;
        }
        path.ifPresent(x -> inPaths.put(name.get(), x));
        Optional<TypeRecovery.SpecPort> spec = types.input(name.get(), path);
        if (raw.isPresent()) {
          // A raw artifact is text the task reads from a file: a string input passed as a file.
          add(inputs, new Port(name.get(), IrType.primitive(IrType.Scalar.STRING), false, true, def,
              spec.flatMap(TypeRecovery.SpecPort::description), a.span()), sink, template);
          continue;
        }
        add(inputs, new Port(name.get(), TypeRecovery.type(spec, true), true, optional || def.isPresent(), def,
            spec.flatMap(TypeRecovery.SpecPort::description), a.span()), sink, template);
      }
      in.get().done();
    }
    Map<String, Port> outputs = new LinkedHashMap<>();
    Map<String, String> outPaths = new LinkedHashMap<>();
    List<OutputSource> sources = new ArrayList<>();
    Optional<Fields> out = t.map("outputs");
    if (out.isPresent()) {
      for (Fields p : items(out.get(), "parameters", sink)) {
        Optional<String> name = p.requireString("name");
        Optional<String> path = Optional.empty();
        Optional<Fields> vf = p.map("valueFrom");
        if (vf.isPresent()) {
          Fields v = vf.get();
          path = v.string("path");
          v.string("parameter").ifPresent(x -> name.ifPresent(n -> sources.add(new OutputSource(n, x, v.valueSpan("parameter")))));
          v.ignore("default", "jsonPath", "jqFilter", "supplied", "expression", "event", "configMapKeyRef");
          v.done();
        }
        if (p.has("value")) {
          p.ignore("value");
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, p.keySpan("value"),
              "output `" + name.orElse("") + "` of template `" + template + "` is a value argo computes, not something the program writes; "
                  + "it is kept as an output the task must produce");
        }
        Optional<String> description = p.string("description");
        p.ignore("globalName", "enum", "default");
        p.done();
        if (name.isEmpty()) {
          continue;
        }
        path.ifPresent(x -> outPaths.put(name.get(), x));
        Optional<TypeRecovery.SpecPort> spec = types.output(template, name.get(), path);
        add(outputs, new Port(name.get(), TypeRecovery.type(spec, false), false, false, Optional.empty(),
            description.or(() -> spec.flatMap(TypeRecovery.SpecPort::description)), p.span()), sink, template);
      }
      for (Fields a : items(out.get(), "artifacts", sink)) {
        Optional<String> name = a.requireString("name");
        Optional<String> path = a.string("path");
        a.string("from").ifPresent(x -> name.ifPresent(n -> sources.add(new OutputSource(n, x, a.valueSpan("from")))));
        boolean optional = a.bool("optional").orElse(false);
        a.ignore("archive", "globalName", "s3", "gcs", "http", "git", "artifactory", "hdfs", "oss", "azure", "raw", "mode",
            "fromExpression", "archiveLogs", "subPath", "recurseMode", "deleted", "artifactGC");
        a.done();
        if (name.isEmpty()) {
          continue;
        }
        if (outputs.containsKey(name.get())) {
          // KFP 1.x writes each output as a parameter and an artifact of the same name: one port.
          path.ifPresent(x -> outPaths.putIfAbsent(name.get(), x));
          continue;
        }
        path.ifPresent(x -> outPaths.put(name.get(), x));
        Optional<TypeRecovery.SpecPort> spec = types.output(template, name.get(), path);
        outputs.put(name.get(), new Port(name.get(), TypeRecovery.type(spec, true), true, optional, Optional.empty(),
            spec.flatMap(TypeRecovery.SpecPort::description), a.span()));
      }
      out.get().ignore("result", "exitCode");
      out.get().done();
    }
    return new Ports(List.copyOf(inputs.values()), List.copyOf(outputs.values()), inPaths, outPaths, sources);
  }

  private static boolean isArtifactLike(IrType t) {
    return t instanceof IrType.Artifact || t instanceof IrType.TaskStatus;
  }

  /** The URI of an artifact stored in an Argo artifact repository location, if it names one. */
  private static Optional<String> location(Fields a) {
    Optional<Fields> http = a.map("http");
    if (http.isPresent()) {
      Optional<String> url = http.get().string("url");
      http.get().ignore("headers", "auth");
      http.get().done();
      return url;
    }
    for (String[] kind : new String[][] {{"s3", "s3://"}, {"gcs", "gs://"}, {"oss", "oss://"}}) {
      Optional<Fields> loc = a.map(kind[0]);
      if (loc.isPresent()) {
        Optional<String> bucket = loc.get().string("bucket");
        Optional<String> key = loc.get().string("key");
        loc.get().ignore("endpoint", "insecure", "accessKeySecret", "secretKeySecret", "region", "useSDKCreds",
            "serviceAccountKeySecret", "roleARN", "createBucketIfNotPresent", "encryptionOptions", "caSecret");
        loc.get().done();
        return Optional.of(kind[1] + bucket.orElse("") + "/" + key.orElse(""));
      }
    }
    Optional<Fields> git = a.map("git");
    if (git.isPresent()) {
      Optional<String> repo = git.get().string("repo");
      git.get().ignore("revision", "depth", "fetch", "usernameSecret", "passwordSecret", "sshPrivateKeySecret",
          "insecureIgnoreHostKey", "disableSubmodules", "singleBranch", "branch");
      git.get().done();
      return repo;
    }
    return Optional.empty();
  }

  private static void add(Map<String, Port> ports, Port p, DiagnosticSink sink, String template) {
    if (ports.putIfAbsent(p.name(), p) != null) {
      Messages.report(sink, Codes.DUPLICATE_NAME, p.span(), "template `" + template + "` declares `" + p.name() + "` twice");
    }
  }

  private static List<Fields> items(Fields f, String key, DiagnosticSink sink) {
    List<Fields> out = new ArrayList<>();
    for (DocNode n : f.seq(key)) {
      Fields.of(n, "an entry of `" + key + "`", sink).ifPresent(out::add);
    }
    return out;
  }

  /** Argo parameter values are strings, whatever YAML made of them. */
  private static Value text(Value v) {
    if (v instanceof Value.Int i) {
      return new Value.Str(Long.toString(i.value()));
    }
    if (v instanceof Value.Float f) {
      double d = f.value();
      return new Value.Str(d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d));
    }
    if (v instanceof Value.Bool b) {
      return new Value.Str(Boolean.toString(b.value()));
    }
    return v;
  }

  /** A string default converted to a port's type, when it parses. */
  static Value typed(String text, IrType type) {
    return V1Types.defaultValue(new DocNode.DocScalar(text, DocNode.ScalarKind.STRING, Span.NONE), type, "");
  }
}
