package io.flytemigrate.flyteproto.verify;

import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The package as {@code pyflyte package --copy all} lays it out (flyte-target.md 1): indexes
 * {@code 0..N-1} zero-padded to {@code ceil(log10(N))} digits, so that flytectl's lexical order is
 * registration order; file names that repeat the entity's name and resource type; everything
 * registered after what it references; and a fast tarball named after the md5 flytekit computes
 * over its files, holding the module of every Python task that loads its code from it.
 */
final class LayoutCheck {
  private LayoutCheck() {}

  static void run(PackageContents contents, Span at, DiagnosticSink sink) {
    List<ParsedEntity> entities = contents.entities;
    List<String> names = contents.pbFiles;
    int n = names.size();
    int width = n <= 1 ? 0 : Integer.toString(n - 1).length();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    if (!sorted.equals(names)) {
      sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "the package's `.pb` files are not in lexical order",
          "flytectl registers in lexical order; write the files in index order");
    }
    for (int i = 0; i < n; i++) {
      String file = names.get(i);
      String index = file.substring(0, file.indexOf('_'));
      String want = pad(i, width);
      if (!index.equals(want)) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "file `" + file + "` has index `" + index
            + "`, but as entity " + (i + 1) + " of " + n + " its index is `" + want + "`",
            "indexes run from 0 and are zero-padded to ceil(log10(N)) digits, so lexical order is registration order");
      }
    }
    Map<String, Integer> position = new HashMap<>();
    for (ParsedEntity e : entities) {
      IdentifierOuterClass.Identifier id = e.id();
      if (!id.getName().equals(e.name()) || id.getResourceTypeValue() != e.kind()) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "file `" + e.fileName() + "` holds `" + id.getName() + "` of resource type "
            + id.getResourceType() + ", not what its name says", "a file is named `<i>_<entity name>_<resource type>.pb`");
      }
      position.putIfAbsent(e.kind() + ":" + id.getName(), e.position());
    }
    for (ParsedEntity e : entities) {
      for (String dep : dependencies(e)) {
        Integer p = position.get(dep);
        if (p != null && p > e.position()) {
          sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "`" + e.fileName() + "` is registered before `" + names.get(p)
              + "`, which it references", "pyflyte writes every entity after what it references");
        }
      }
    }
    fastTarball(contents, at, sink);
  }

  private static String pad(int i, int width) {
    StringBuilder b = new StringBuilder(Integer.toString(i));
    while (b.length() < width) {
      b.insert(0, '0');
    }
    return b.toString();
  }

  /** Entities an entity must come after, as {@code <kind>:<name>}. */
  private static Set<String> dependencies(ParsedEntity e) {
    Set<String> deps = new LinkedHashSet<>();
    if (e.isLaunchPlan()) {
      deps.add("2:" + e.launchPlan().getSpec().getWorkflowId().getName());
    } else if (e.isWorkflow()) {
      Workflow.WorkflowTemplate t = e.workflow().getTemplate();
      List<Workflow.Node> nodes = new ArrayList<>(t.getNodesList());
      if (t.hasFailureNode()) {
        nodes.add(t.getFailureNode());
      }
      for (Workflow.Node node : nodes) {
        refs(node, deps);
      }
    }
    return deps;
  }

  private static void refs(Workflow.Node n, Set<String> deps) {
    if (n.hasTaskNode()) {
      deps.add("1:" + n.getTaskNode().getReferenceId().getName());
    } else if (n.hasWorkflowNode()) {
      if (n.getWorkflowNode().hasSubWorkflowRef()) {
        deps.add("2:" + n.getWorkflowNode().getSubWorkflowRef().getName());
      } else {
        deps.add("3:" + n.getWorkflowNode().getLaunchplanRef().getName());
      }
    }
    for (Workflow.Node child : PackageGraph.children(n)) {
      refs(child, deps);
    }
  }

  private static void fastTarball(PackageContents contents, Span at, DiagnosticSink sink) {
    List<Tasks.TaskTemplate> fast = new ArrayList<>();
    for (ParsedEntity e : contents.entities) {
      if (!e.isTask()) {
        continue;
      }
      Tasks.TaskTemplate t = e.task().getTemplate();
      List<String> args = args(t);
      boolean prefixed = !args.isEmpty() && args.get(0).equals("pyflyte-fast-execute");
      if (t.getType().equals("raw-container") && prefixed) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "raw-container task `" + t.getId().getName()
            + "` starts with `pyflyte-fast-execute`", "raw containers keep their own command");
      }
      if (t.getType().equals("python-task")) {
        if (prefixed) {
          fast.add(t);
        } else if (contents.fastTarball.isPresent()) {
          sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "python task `" + t.getId().getName()
              + "` does not load its code from the fast tarball", "pyflyte --copy all prefixes every Python task with pyflyte-fast-execute");
        }
      }
    }
    if (contents.fastTarball.isEmpty()) {
      if (!fast.isEmpty()) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "task `" + fast.get(0).getId().getName()
            + "` loads its code from a fast tarball, but the package has none", "pack the flytekit project as fast<md5>.tar.gz");
      }
      return;
    }
    TarEntries.Entry tarball = contents.fastTarball.get();
    String base = tarball.name().substring(tarball.name().lastIndexOf('/') + 1);
    TarEntries.Result inner = TarEntries.readGzipped(tarball.content());
    if (inner.problem().isPresent()) {
      sink.report(Codes.VERIFY_UNREADABLE_PACKAGE, at, "cannot read fast tarball `" + base + "`: " + inner.problem().get(),
          "write the package again with `flyte-migrate convert`");
      return;
    }
    List<TarEntries.Entry> files = new ArrayList<>();
    for (TarEntries.Entry e : inner.entries()) {
      if (e.isFile()) {
        files.add(e);
      }
    }
    files.sort((a, b) -> compareCodePoints(a.name(), b.name()));
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
    Set<String> paths = new LinkedHashSet<>();
    for (TarEntries.Entry f : files) {
      md5.update(f.content());
      md5.update(f.name().replace("/", "").getBytes(StandardCharsets.UTF_8));
      paths.add(f.name());
    }
    String want = "fast" + HexFormat.of().formatHex(md5.digest()) + ".tar.gz";
    Matcher m = PackageContents.FAST.matcher(base);
    if (!m.matches() || !base.equals(want)) {
      sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "fast tarball `" + base + "` should be named `" + want
          + "` after the md5 of its files", "flytekit names the tarball after the md5 of every file's bytes and path");
    }
    for (Tasks.TaskTemplate t : fast) {
      Optional<String> module = after(args(t), "task-module");
      if (module.isEmpty()) {
        continue;
      }
      String path = module.get().replace('.', '/');
      if (!paths.contains(path + ".py") && !paths.contains(path + "/__init__.py")) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "task `" + t.getId().getName() + "` loads module `" + module.get()
            + "`, which is not in fast tarball `" + base + "`", "the fast tarball must hold the whole flytekit project");
      }
    }
  }

  private static List<String> args(Tasks.TaskTemplate t) {
    if (t.hasContainer()) {
      return t.getContainer().getArgsList();
    }
    if (t.hasK8SPod()) {
      com.google.protobuf.Value containers = t.getK8SPod().getPodSpec().getFieldsMap().get("containers");
      if (containers != null && containers.hasListValue()) {
        for (com.google.protobuf.Value c : containers.getListValue().getValuesList()) {
          com.google.protobuf.Value args = c.getStructValue().getFieldsMap().get("args");
          if (args != null && args.hasListValue()) {
            List<String> out = new ArrayList<>();
            args.getListValue().getValuesList().forEach(v -> out.add(v.getStringValue()));
            return out;
          }
        }
      }
    }
    return List.of();
  }

  private static Optional<String> after(List<String> args, String flag) {
    for (int i = args.size() - 2; i >= 0; i--) {
      if (args.get(i).equals(flag)) {
        return Optional.of(args.get(i + 1));
      }
    }
    return Optional.empty();
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
