package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shared tasks module: images, container tasks and native Python tasks, in registration order,
 * each with a comment naming the KFP component it came from; a placeholder for an operator Flyte
 * cannot run has a comment with the operator's kind and source text instead.
 */
final class TasksModuleWriter {
  private final FlyteProject project;
  private final String module;
  private final Imports imports = new Imports();
  private final TaskCode code = new TaskCode(imports);
  private final PodTemplateCode pods = new PodTemplateCode(imports);
  private final Set<String> names = new HashSet<>();

  TasksModuleWriter(FlyteProject project) {
    this.project = project;
    this.module = project.pythonPackage() + ".tasks";
  }

  /** The tasks of this module, in order. */
  List<TaskDef> tasks() {
    return project.tasks().stream().filter(t -> t.python().module().equals(module)).toList();
  }

  String write() {
    for (TaskDef t : tasks()) {
      names.add(t.python().name());
    }
    project.images().forEach(i -> names.add(i.name()));
    PySource body = new PySource();
    images(body);
    for (TaskDef t : tasks()) {
      body.blank(2);
      switch (t.kind()) {
        case RAW_CONTAINER -> container(body, t);
        case PYTHON -> python(body, t);
        case ECHO -> echo(body, t);
        case DYNAMIC -> throw new IllegalStateException("dynamic tasks live in workflow modules: " + t.id());
      }
    }
    PySource out = new PySource();
    Headers.module(out, project, project.workflows().isEmpty()
        ? "Tasks that several pipelines of the batch share, one per identical component."
        : "Tasks of the pipeline, one per KFP component (and variant).");
    imports.write(out);
    preamble(out);
    out.blank(2);
    String text = out.text() + "\n\n" + body.text();
    return text.endsWith("\n") ? text : text + "\n";
  }

  private void images(PySource src) {
    Set<String> used = new LinkedHashSet<>();
    for (TaskDef t : tasks()) {
      t.container().flatMap(Container::imageSpec).ifPresent(used::add);
    }
    for (ImageDef i : project.images()) {
      if (!used.contains(i.name()) || custom(i)) {
        continue;
      }
      imports.from("flytekit", "ImageSpec");
      List<PyExpr> args = new ArrayList<>();
      args.add(PyExpr.kw("name", PyExpr.atom(PyText.str(i.reference().substring(0, i.reference().lastIndexOf(':'))))));
      i.baseImage().ifPresent(b -> args.add(PyExpr.kw("base_image", PyExpr.atom(PyText.str(b)))));
      if (!i.packages().isEmpty()) {
        args.add(PyExpr.kw("packages", strings(i.packages())));
      }
      if (!i.pipExtraIndexUrls().isEmpty()) {
        args.add(PyExpr.kw("pip_index", PyExpr.atom(PyText.str(i.pipExtraIndexUrls().get(0)))));
        if (i.pipExtraIndexUrls().size() > 1) {
          args.add(PyExpr.kw("pip_extra_index_url", strings(i.pipExtraIndexUrls().subList(1, i.pipExtraIndexUrls().size()))));
        }
      }
      i.registry().ifPresent(r -> args.add(PyExpr.kw("registry", PyExpr.atom(PyText.str(r)))));
      src.blank(2);
      src.expr(i.name() + " = ", PyExpr.call("ImageSpec", args), "");
    }
  }

  /** An image the user named with {@code --image}: tasks use it as is. */
  private static boolean custom(ImageDef i) {
    return i.reference().contains("/") || !i.reference().contains(":");
  }

  private void container(PySource src, TaskDef t) {
    imports.from("flytekit", "ContainerTask");
    Container c = t.container().orElseThrow();
    Optional<String> pod = podVar(src, t);
    comment(src, t);
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.kw("name", PyExpr.atom(PyText.str(t.id().name()))));
    args.add(PyExpr.kw("image", PyExpr.atom(PyText.str(c.image()))));
    args.add(PyExpr.kw("command", strings(c.command())));
    if (!c.args().isEmpty()) {
      args.add(PyExpr.kw("arguments", strings(c.args())));
    }
    if (!t.iface().inputs().isEmpty()) {
      args.add(PyExpr.kw("inputs", kwtypes(t.iface().inputs())));
    }
    if (!t.iface().outputs().isEmpty()) {
      args.add(PyExpr.kw("outputs", kwtypes(t.iface().outputs())));
    }
    boolean files = String.join(" ", c.command()).contains("/var/flyte/inputs") || String.join(" ", c.args()).contains("/var/flyte/inputs");
    c.dataConfig().ifPresent(d -> {
      if (files) {
        args.add(PyExpr.kw("input_data_dir", PyExpr.atom(PyText.str(d.inputPath()))));
      }
      if (!t.iface().outputs().isEmpty()) {
        args.add(PyExpr.kw("output_data_dir", PyExpr.atom(PyText.str(d.outputPath()))));
      }
    });
    args.addAll(code.container(c));
    pod.ifPresent(p -> args.add(PyExpr.kw("pod_template", PyExpr.atom(p))));
    List<PyExpr> meta = code.metadata(t.metadata());
    if (!meta.isEmpty()) {
      imports.from("flytekit", "TaskMetadata");
      args.add(PyExpr.kw("metadata", PyExpr.call("TaskMetadata", meta)));
    }
    src.expr(t.python().name() + " = ", PyExpr.call("ContainerTask", args), "");
  }

  private PyExpr kwtypes(List<Variable> vars) {
    imports.from("flytekit", "kwtypes");
    List<PyExpr> args = new ArrayList<>();
    for (Variable v : vars) {
      args.add(PyExpr.kw(v.name(), PyExpr.atom(code.annotation(v.type()))));
    }
    return PyExpr.call("kwtypes", args);
  }

  private void python(PySource src, TaskDef t) {
    imports.from("flytekit", "task");
    TaskBody.PythonFunction f = (TaskBody.PythonFunction) t.body();
    Container c = t.container().orElseThrow();
    String tuple = "";
    if (t.iface().outputs().size() > 1 || (t.iface().outputs().size() == 1 && !t.iface().outputs().get(0).name().equals("o0"))) {
      tuple = claim(TaskCode.camel(t.python().name()) + "Outputs");
      src.expr(tuple + " = ", code.namedTuple(tuple, t.iface().outputs()), "");
      src.blank(2);
    }
    Optional<String> pod = podVar(src, t);
    comment(src, t);
    List<PyExpr> args = new ArrayList<>();
    image(c).ifPresent(i -> args.add(PyExpr.kw("container_image", i)));
    args.addAll(code.metadata(t.metadata()));
    args.addAll(code.container(c));
    pod.ifPresent(p -> args.add(PyExpr.kw("pod_template", PyExpr.atom(p))));
    if (args.isEmpty()) {
      src.line("@task");
    } else {
      src.expr("@", PyExpr.call("task", args), "");
    }
    String ret = code.returns(t, tuple);
    src.expr("", new PyExpr.Call(PyExpr.atom("def " + t.python().name()), code.parameters(t.iface().inputs())),
        (ret.isEmpty() ? "" : " -> " + ret) + ":");
    src.indent();
    if (f.style() == TaskBody.PythonFunction.Style.DIRECT) {
      List<String> lines = List.of(f.definition().split("\n", -1));
      List<String> bodyLines = lines.subList(f.signatureLines(), lines.size());
      String indent = bodyIndent(bodyLines);
      src.dedent();
      src.raw(indent + "# fmt: off");
      for (String l : bodyLines) {
        src.raw(l);
      }
      src.raw(indent + "# fmt: on");
    } else {
      imports.local(project.pythonPackage(), "compat");
      imports.local(project.pythonPackage() + ".components", t.python().name() + " as " + t.python().name() + "_component");
      src.docstring("Calls `" + f.functionName() + "` as KFP's executor did (see `compat`).");
      List<PyExpr> call = new ArrayList<>();
      call.add(new PyExpr.Attr(PyExpr.atom(t.python().name() + "_component"), f.functionName()));
      List<PyExpr> outs = new ArrayList<>();
      for (Variable v : t.iface().outputs()) {
        outs.add(new PyExpr.Seq("(", ")", List.of(PyExpr.atom(PyText.str(v.name())), PyExpr.atom(flyteClass(v)))));
      }
      call.add(PyExpr.list(outs));
      for (Variable v : t.iface().inputs()) {
        call.add(PyExpr.kw(v.name(), PyExpr.atom(v.name())));
      }
      src.expr(t.iface().outputs().isEmpty() ? "" : "return ", PyExpr.call("compat.call", call), "");
      src.dedent();
    }
  }

  /** The class compat converts an output to: {@code FlyteFile}, {@code str}, {@code dict}, ... */
  private String flyteClass(Variable v) {
    String a = code.annotation(v.type());
    if (a.startsWith("typing.Optional[")) {
      a = a.substring("typing.Optional[".length(), a.length() - 1);
    }
    if (a.startsWith("typing.List[")) {
      return "list";
    }
    if (a.startsWith("typing.Dict[")) {
      return "dict";
    }
    return a;
  }

  private static String bodyIndent(List<String> lines) {
    for (String l : lines) {
      if (!l.isBlank()) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
          i++;
        }
        return l.substring(0, i);
      }
    }
    return "    ";
  }

  private Optional<PyExpr> image(Container c) {
    if (c.imageSpec().isEmpty() && c.image().equals(Container.DEFAULT_PYTHON_IMAGE)) {
      return Optional.empty();
    }
    if (c.imageSpec().isPresent()) {
      Optional<ImageDef> i = project.images().stream().filter(x -> x.name().equals(c.imageSpec().get())).findFirst();
      if (i.isPresent() && !custom(i.get())) {
        return Optional.of(PyExpr.atom(i.get().name()));
      }
    }
    return Optional.of(PyExpr.atom(PyText.str(c.image())));
  }

  private void echo(PySource src, TaskDef t) {
    imports.from("flytekit.core.task", "Echo");
    // A placeholder's comment says what it stands for, line by line, with the source's text.
    t.description().ifPresent(d -> List.of(d.split("\n", -1)).forEach(src::comment));
    src.expr(t.python().name() + " = ", PyExpr.call("Echo", PyExpr.kw("name", PyExpr.atom(PyText.str(t.id().name())))), "");
  }

  private Optional<String> podVar(PySource src, TaskDef t) {
    if (t.pod().isEmpty()) {
      return Optional.empty();
    }
    String var = claim(t.python().name() + "_pod_template");
    src.expr(var + " = ", pods.of(t.pod().get()), "");
    src.blank(2);
    return Optional.of(var);
  }

  private void comment(PySource src, TaskDef t) {
    if (!t.sourceComponent().isEmpty()) {
      src.comment("KFP component `" + t.sourceComponent() + "`"
          + t.description().map(d -> ": " + firstLine(d)).orElse("") + ".");
    }
  }

  private static String firstLine(String s) {
    String l = s.strip().split("\n", 2)[0].strip();
    while (l.endsWith(".")) {
      l = l.substring(0, l.length() - 1);
    }
    return l;
  }

  private void preamble(PySource out) {
    Set<String> lines = new LinkedHashSet<>();
    for (TaskDef t : tasks()) {
      if (t.body() instanceof TaskBody.PythonFunction f && f.style() == TaskBody.PythonFunction.Style.DIRECT) {
        for (String l : f.preamble().split("\n")) {
          if (!l.isBlank() && !KfpImports.isKfpBoilerplate(l)) {
            lines.add(l);
          }
        }
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    out.blank(1);
    out.comment("Imports the KFP components' programs declare.");
    out.raw("# fmt: off");
    lines.forEach(out::raw);
    out.raw("# fmt: on");
  }

  private String claim(String wanted) {
    String n = wanted;
    int i = 2;
    while (names.contains(n)) {
      n = wanted + i++;
    }
    names.add(n);
    return n;
  }

  private static PyExpr strings(List<String> items) {
    List<PyExpr> out = new ArrayList<>();
    items.forEach(s -> out.add(PyExpr.atom(PyText.str(s))));
    return PyExpr.list(out);
  }
}
