package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.IrType.ArtifactKind;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code inputDefinitions}/{@code outputDefinitions} into an {@link Interface}. */
final class Interfaces {
  private final DiagnosticSink sink;

  Interfaces(DiagnosticSink sink) {
    this.sink = sink;
  }

  /** The interface of a component spec (or the root); marks both definition fields read. */
  Interface read(Fields component) {
    List<Port> inputs = ports(component.map("inputDefinitions"), true);
    List<Port> outputs = ports(component.map("outputDefinitions"), false);
    return new Interface(inputs, outputs);
  }

  private List<Port> ports(Optional<Fields> defs, boolean input) {
    List<Port> out = new ArrayList<>();
    if (defs.isEmpty()) {
      return out;
    }
    Fields d = defs.get();
    Set<String> seen = new HashSet<>();
    for (Entry e : d.entries("parameters")) {
      Fields.of(e.value(), "parameter `" + e.key() + "`", sink).ifPresent(p -> {
        if (seen.add(e.key())) {
          out.add(parameter(e, p, input));
        }
      });
    }
    for (Entry e : d.entries("artifacts")) {
      Fields.of(e.value(), "artifact `" + e.key() + "`", sink).ifPresent(a -> {
        if (seen.add(e.key())) {
          out.add(artifact(e, a));
        } else {
          sink.report(Codes.DUPLICATE_NAME, e.keySpan(), "`" + e.key() + "` is both a parameter and an artifact");
        }
      });
    }
    d.done();
    return out;
  }

  private Port parameter(Entry e, Fields p, boolean input) {
    IrType type;
    Optional<String> kind = p.string("parameterType");
    if (kind.isEmpty()) {
      kind = p.string("type");
    }
    if (kind.isEmpty()) {
      p.missing("parameterType");
      type = new IrType.Unknown("missing");
    } else {
      type = parameterType(kind.get(), p);
    }
    Optional<Value> def = p.value("defaultValue");
    boolean optional = p.bool("isOptional").orElse(false) || (input && def.isPresent());
    Optional<String> description = p.string("description");
    p.done();
    return new Port(e.key(), type, false, optional, def, description, e.keySpan());
  }

  private IrType parameterType(String kind, Fields p) {
    switch (kind) {
      case "NUMBER_INTEGER", "INT":
        return IrType.primitive(IrType.Scalar.INT);
      case "NUMBER_DOUBLE", "DOUBLE":
        return IrType.primitive(IrType.Scalar.FLOAT);
      case "STRING":
        return IrType.primitive(IrType.Scalar.STRING);
      case "BOOLEAN":
        return IrType.primitive(IrType.Scalar.BOOL);
      case "LIST":
        return new IrType.ListOf(new IrType.Any());
      case "STRUCT":
        return new IrType.Struct();
      case "TASK_FINAL_STATUS":
        return new IrType.TaskStatus();
      default:
        sink.report(Codes.UNKNOWN_ENUM, p.valueSpan(p.has("parameterType") ? "parameterType" : "type"),
            "`" + kind + "` is not a kfp parameter type",
            "use one of NUMBER_INTEGER, NUMBER_DOUBLE, STRING, BOOLEAN, LIST, STRUCT, TASK_FINAL_STATUS");
        return new IrType.Unknown(kind);
    }
  }

  private Port artifact(Entry e, Fields a) {
    IrType type = a.map("artifactType").map(Interfaces::artifactType).orElseGet(() -> {
      a.missing("artifactType");
      return new IrType.Unknown("missing");
    });
    if (a.bool("isArtifactList").orElse(false)) {
      type = new IrType.ListOf(type);
    }
    boolean optional = a.bool("isOptional").orElse(false);
    Optional<String> description = a.string("description");
    a.done();
    return new Port(e.key(), type, true, optional, Optional.empty(), description, e.keySpan());
  }

  /** An artifact type from {@code {schemaTitle, schemaVersion}}; marks the mapping done. */
  static IrType artifactType(Fields t) {
    String title = t.string("schemaTitle").orElse("system.Artifact");
    Optional<String> version = t.string("schemaVersion");
    t.ignore("instanceSchema");
    t.done();
    return new IrType.Artifact(title, version, artifactKind(title), IrType.Shape.UNSPECIFIED);
  }

  static ArtifactKind artifactKind(String schemaTitle) {
    return switch (schemaTitle) {
      case "system.Artifact" -> ArtifactKind.ARTIFACT;
      case "system.Dataset" -> ArtifactKind.DATASET;
      case "system.Model" -> ArtifactKind.MODEL;
      case "system.Metrics" -> ArtifactKind.METRICS;
      case "system.ClassificationMetrics" -> ArtifactKind.CLASSIFICATION_METRICS;
      case "system.SlicedClassificationMetrics" -> ArtifactKind.SLICED_CLASSIFICATION_METRICS;
      case "system.HTML" -> ArtifactKind.HTML;
      case "system.Markdown" -> ArtifactKind.MARKDOWN;
      default -> ArtifactKind.VENDOR;
    };
  }
}
