package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a lowered pipeline as the flytekit project a Flyte user would have written:
 * {@code <package>/tasks.py} (every task), {@code <package>/workflows/<name>.py} (one per
 * pipeline and nested pipeline, with the bodies of their control flow), and only when needed
 * {@code <package>/components/<task>.py} (KFP programs kept whole) and {@code <package>/compat.py}.
 * Paths are relative to the project root; the same model always gives the same bytes.
 */
public final class FlytekitProjectWriter {
  private FlytekitProjectWriter() {}

  public static List<OutputFile> write(FlyteProject p) {
    String pkg = p.pythonPackage();
    List<OutputFile> files = new ArrayList<>();
    files.add(file(pkg + "/__init__.py", init(p, "Flyte tasks and workflows of the KFP pipeline `" + p.pipelineName() + "`.")));
    TasksModuleWriter tasks = new TasksModuleWriter(p);
    if (!tasks.tasks().isEmpty()) {
      // Absent only when every task of a batch's pipeline is a shared one.
      files.add(file(pkg + "/tasks.py", tasks.write()));
    }
    List<TaskDef> adapted = p.tasks().stream().filter(t -> t.body() instanceof TaskBody.PythonFunction f
        && f.style() == TaskBody.PythonFunction.Style.ADAPTED).toList();
    if (!adapted.isEmpty()) {
      files.add(file(pkg + "/components/__init__.py", init(p, "The programs of KFP components whose tasks call them whole.")));
      for (TaskDef t : adapted) {
        files.add(file(pkg + "/components/" + t.python().name() + ".py", ComponentModuleWriter.write(p, t)));
      }
    }
    if (p.compatModule()) {
      files.add(file(pkg + "/compat.py", CompatModule.text()));
    }
    files.add(file(pkg + "/workflows/__init__.py", init(p, "One module per workflow of the pipeline.")));
    Set<String> modules = new LinkedHashSet<>();
    for (WorkflowDef w : p.workflows()) {
      modules.add(w.python().module());
    }
    for (String m : modules) {
      String name = m.substring(m.lastIndexOf('.') + 1);
      files.add(file(pkg + "/workflows/" + name + ".py", new WorkflowModuleWriter(p, m).write()));
    }
    return files;
  }

  /**
   * The package of the tasks a batch shares ({@code <package>/__init__.py} and
   * {@code <package>/tasks.py}): a project without workflows, whose tasks the workflows of the
   * batch's projects import.
   */
  public static List<OutputFile> writeShared(FlyteProject shared) {
    String pkg = shared.pythonPackage();
    return List.of(
        file(pkg + "/__init__.py", init(shared, "Tasks shared by several pipelines of the batch.")),
        file(pkg + "/tasks.py", new TasksModuleWriter(shared).write()));
  }

  private static String init(FlyteProject p, String what) {
    PySource src = new PySource();
    Headers.module(src, p, what);
    return src.text();
  }

  private static OutputFile file(String path, String text) {
    String t = text.endsWith("\n") ? text : text + "\n";
    return new OutputFile(path, t.getBytes(StandardCharsets.UTF_8));
  }
}
