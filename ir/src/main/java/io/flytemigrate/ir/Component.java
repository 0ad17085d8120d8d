package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reusable unit of work with a typed interface. Closed on purpose: a new kind of component is an
 * IR change and is reviewed as one.
 */
public sealed interface Component {
  /** The component's id in the pipeline (KFP: {@code comp-...}). */
  String id();

  Interface iface();

  Span span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind, so the compiler checks every consumer handles every kind. */
  interface Visitor<R> {
    R visitContainer(ContainerComponent c);

    R visitPython(PythonComponent c);

    R visitImporter(ImporterComponent c);

    R visitPipeline(PipelineComponent c);

    R visitOpaque(OpaqueComponent c);
  }

  /** Runs an image with a command line. */
  record ContainerComponent(String id, Interface iface, Optional<String> description, ContainerSpec container, Span span)
      implements Component {
    public ContainerComponent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(iface, "iface");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitContainer(this);
    }
  }

  /**
   * A Python function run by the source system's executor (a KFP lightweight component).
   *
   * @param source the exact program text the source ships (imports plus the function), if present
   * @param sourceSpan where that text is in the input file
   * @param packages packages the user asked to install, in order
   * @param runtimePackages packages the source system installs for itself (e.g. {@code kfp})
   * @param pipIndexUrls package indexes passed to pip
   * @param container the original container command, kept for a raw-container translation
   */
  record PythonComponent(
      String id,
      Interface iface,
      Optional<String> description,
      String functionName,
      Optional<String> source,
      Span sourceSpan,
      List<String> packages,
      List<String> runtimePackages,
      List<String> pipIndexUrls,
      String baseImage,
      ContainerSpec container,
      Span span)
      implements Component {
    public PythonComponent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(iface, "iface");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(functionName, "functionName");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(sourceSpan, "sourceSpan");
      packages = List.copyOf(packages);
      runtimePackages = List.copyOf(runtimePackages);
      pipIndexUrls = List.copyOf(pipIndexUrls);
      Objects.requireNonNull(baseImage, "baseImage");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPython(this);
    }
  }

  /**
   * Brings an existing artifact into the pipeline by URI.
   *
   * @param uri a constant URI or the input that provides it
   * @param artifactType the type of the artifact it produces
   * @param metadata metadata attached to the artifact; strings may hold placeholders
   */
  record ImporterComponent(
      String id, Interface iface, Binding uri, IrType artifactType, boolean reimport, Optional<Value> metadata, Span span)
      implements Component {
    public ImporterComponent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(iface, "iface");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(artifactType, "artifactType");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitImporter(this);
    }
  }

  /** A nested pipeline: a graph used as a component by another graph. */
  record PipelineComponent(String id, Optional<String> description, Graph graph, Span span) implements Component {
    public PipelineComponent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(graph, "graph");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public Interface iface() {
      return graph.iface();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPipeline(this);
    }
  }

  /**
   * Something a reader recognised but the IR cannot express (compare Pandoc's RawBlock): kept with
   * its kind and raw text so nothing is lost, and reported.
   */
  record OpaqueComponent(String id, Interface iface, String kind, String rawText, Span span) implements Component {
    public OpaqueComponent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(iface, "iface");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(rawText, "rawText");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOpaque(this);
    }
  }
}
