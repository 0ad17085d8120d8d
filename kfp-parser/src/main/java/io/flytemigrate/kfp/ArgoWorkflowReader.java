package io.flytemigrate.kfp;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.kfp.tree.YamlLoader;
import io.flytemigrate.kfp.v1.WorkflowReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an Argo Workflow as the KFP 1.x SDK compiles a pipeline (YAML or JSON, {@code apiVersion:
 * argoproj.io/v1alpha1}, {@code kind: Workflow}), and also WorkflowTemplates and CronWorkflows.
 * The Argo form the KFP v2 backend writes (driver and launcher templates) is recognised and
 * reported; the pipeline spec embedded in it is read. Other Kubernetes manifests (a {@code Pod},
 * a {@code Job}) are recognised too, and reported as not being pipelines. Never executes
 * anything, never throws on bad input.
 */
public final class ArgoWorkflowReader implements PipelineReader {
  /** {@code apiVersion: argoproj.io/...} at the top level, the key and value quoted or not, the value maybe a block scalar. */
  private static final Pattern YAML_API = Pattern.compile(
      "(?m)^[\"']?apiVersion[\"']?[ \\t]*:[ \\t]*(?:[|>][-+]?[ \\t]*\\r?\\n[ \\t]+)?[\"']?argoproj\\.io/");
  private static final Pattern JSON_API = Pattern.compile("\"apiVersion\"\\s*:\\s*\"argoproj\\.io/");
  /**
   * A Kubernetes manifest: a top-level {@code apiVersion} shaped like one ({@code v1}, {@code
   * batch/v1}) and a top-level {@code kind}. Read only to say that it is not a pipeline.
   */
  private static final Pattern YAML_K8S_API = Pattern.compile(
      "(?m)^[\"']?apiVersion[\"']?[ \\t]*:[ \\t]*[\"']?(?:[a-z0-9.-]+/)?v[0-9]+[a-z0-9]*[\"']?[ \\t]*(?:#.*)?$");
  private static final Pattern YAML_K8S_KIND = Pattern.compile(
      "(?m)^[\"']?kind[\"']?[ \\t]*:[ \\t]*[\"']?[A-Z][A-Za-z0-9]*[\"']?[ \\t]*(?:#.*)?$");
  private static final Pattern JSON_K8S_API = Pattern.compile("\"apiVersion\"\\s*:\\s*\"(?:[a-z0-9.-]+/)?v[0-9]+[a-z0-9]*\"");
  private static final Pattern JSON_K8S_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"[A-Z][A-Za-z0-9]*\"");

  @Override
  public String format() {
    return "kfp-v1-argo";
  }

  /**
   * Recognises an Argo resource by its top-level {@code apiVersion}, and any other Kubernetes
   * manifest (a {@code Pod}, a {@code Job}) so that it is reported as what it is.
   */
  @Override
  public boolean accepts(SourceFile source) {
    String t = source.text();
    if (firstNonSpace(t) == '{') {
      return JSON_API.matcher(t).find() || JSON_K8S_API.matcher(t).find() && JSON_K8S_KIND.matcher(t).find();
    }
    return YAML_API.matcher(t).find() || YAML_K8S_API.matcher(t).find() && YAML_K8S_KIND.matcher(t).find();
  }

  @Override
  public Outcome<Pipeline> read(SourceFile source) {
    DiagnosticSink sink = new DiagnosticSink();
    List<DocNode> documents = firstNonSpace(source.text()) == '{'
        ? new JsonLoader(source.path(), sink).load(source.text()).map(List::of).orElse(List.of())
        : new YamlLoader(source.path(), sink).load(source.text());
    if (documents.isEmpty()) {
      if (!sink.hasErrors()) {
        sink.report(Codes.MISSING_FIELD, Span.at(source.path(), 1, 1), "the file holds no argo workflow");
      }
      return Outcome.failed(sink.sorted());
    }
    for (int i = 1; i < documents.size(); i++) {
      sink.report(Codes.EXTRA_V1_DOCUMENT, documents.get(i).span(), "a second yaml document after the workflow is ignored",
          "put each workflow in its own file");
    }
    Optional<Pipeline> pipeline = new WorkflowReader(source, sink).read(documents.get(0));
    return new Outcome<>(pipeline, sink.sorted());
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
