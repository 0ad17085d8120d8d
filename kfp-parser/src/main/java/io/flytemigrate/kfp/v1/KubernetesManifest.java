package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes object that is not an Argo resource, such as a {@code Pod} or a {@code Job}, found
 * where a pipeline was expected. KFP 1.x repositories hold such manifests beside their pipelines:
 * {@code kfp.containers.ContainerBuilder} builds images by submitting a kaniko {@code Pod}, and
 * its test data keeps the manifests it writes. A manifest runs its containers on its own, with no
 * inputs, outputs or graph, so it is not converted; it is reported with what it is.
 */
final class KubernetesManifest {
  private static final String KANIKO_IMAGE = "kaniko-project/executor";

  private KubernetesManifest() {}

  /** Whether an {@code apiVersion} names a Kubernetes API group other than Argo's. */
  static boolean isNotArgo(String apiVersion) {
    return !apiVersion.strip().startsWith("argoproj.io/");
  }

  /**
   * Reports the manifest.
   *
   * @param at the span of its {@code kind} (or of the document when it has none)
   */
  static void report(DiagnosticSink sink, String apiVersion, Optional<String> kind, DocNode document, Span at) {
    String what = kind.map(k -> "a kubernetes `" + k + "`").orElse("a kubernetes object");
    String help = images(document).stream().anyMatch(i -> i.contains(KANIKO_IMAGE))
        ? "the pod builds and pushes a container image with kaniko, as `kfp.containers.ContainerBuilder` does; flyte builds "
            + "task images with `ImageSpec` or your own ci, so there is nothing to convert"
        : "convert the kfp pipeline instead: the argo `Workflow` the kfp 1.x compiler writes, or a `component.yaml`; "
            + "a container that runs on its own becomes a flyte `ContainerTask`";
    Messages.report(sink, Codes.KUBERNETES_MANIFEST, at, "the file is " + what + " (`apiVersion: " + apiVersion.strip()
        + "`), not a kfp pipeline: it has no tasks, inputs or outputs to translate", help);
  }

  /** The images of the containers of a pod, or of the pod template of a workload. */
  private static List<String> images(DocNode document) {
    List<String> out = new ArrayList<>();
    Optional<DocMap> spec = child(document, "spec");
    Optional<DocMap> podSpec = spec.flatMap(s -> child(s, "template")).flatMap(t -> child(t, "spec")).or(() -> spec);
    podSpec.ifPresent(p -> {
      for (String key : new String[] {"initContainers", "containers"}) {
        for (DocNode c : p.entry(key).map(Entry::value).filter(v -> v instanceof DocNode.DocSeq)
            .map(v -> ((DocNode.DocSeq) v).items()).orElse(List.of())) {
          if (c instanceof DocMap cm) {
            Templates.text(cm, "image").ifPresent(out::add);
          }
        }
      }
    });
    return out;
  }

  private static Optional<DocMap> child(DocNode n, String key) {
    return n instanceof DocMap m ? m.entry(key).map(Entry::value).filter(v -> v instanceof DocMap).map(v -> (DocMap) v)
        : Optional.empty();
  }
}
