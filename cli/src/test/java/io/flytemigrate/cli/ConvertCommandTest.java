package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.model.Identifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {
  private static final String HELLO = """
      components:
        comp-echo:
          executorLabel: exec-echo
      deploymentSpec:
        executors:
          exec-echo:
            container:
              args:
              - hello world
              command:
              - echo
              image: registry.access.redhat.com/ubi9/python-311:latest
      pipelineInfo:
        name: echo
      root:
        dag:
          tasks:
            echo:
              cachingOptions:
                enableCache: true
              componentRef:
                name: comp-echo
              taskInfo:
                name: echo
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;

  /** A lightweight Python component, as the KFP compiler writes it. */
  private static final String FLIP = """
      components:
        comp-flip-coin:
          executorLabel: exec-flip-coin
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-flip-coin:
            container:
              args:
              - --executor_input
              - '{{$}}'
              - --function_to_execute
              - flip_coin
              command:
              - sh
              - -ec
              - 'program_path=$(mktemp -d)

                printf "%s" "$0" > "$program_path/ephemeral_component.py"

                _KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@"

                '
              - "\\nimport kfp\\nfrom kfp import dsl\\nfrom kfp.dsl import *\\nfrom typing import *\\n\\ndef flip_coin() -> str:\\n    import random\\n    return \\"heads\\" if random.randint(0, 1) == 0 else \\"tails\\"\\n\\n"
              image: python:3.11
      pipelineInfo:
        name: coin-flip
      root:
        dag:
          tasks:
            flip-coin:
              componentRef:
                name: comp-flip-coin
              taskInfo:
                name: flip-coin
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;

  @TempDir Path dir;

  private String input(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f.toString();
  }

  private static CommandLine convert(ConvertCommand c) {
    return new CommandLine(new Main()).addSubcommand(c);
  }

  private static Cli run(String... args) {
    return Cli.run(convert(new ConvertCommand()), args);
  }

  private List<String> tree(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).sorted().forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }

  @Test
  void writesTheFlytekitProjectAndASummary() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    Path out = dir.resolve("out");
    Cli r = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("diagnostics.sarif", "echo/__init__.py", "echo/tasks.py", "echo/workflows/__init__.py",
        "echo/workflows/echo.py", "flyte-migrate.json", "flyte-package.tgz", "junit.xml", "parity.json", "report.html",
        "report.md", "summary.json"), tree(out));
    String tasks = Files.readString(out.resolve("echo/tasks.py"));
    assertTrue(tasks.contains("echo = ContainerTask(\n    name=\"echo.tasks.echo\",\n"
        + "    image=\"registry.access.redhat.com/ubi9/python-311:latest\",\n    command=[\"echo\"],\n"
        + "    arguments=[\"hello world\"],\n"), tasks);
    // The input was named by an absolute path outside the working directory: outputs name it by
    // its file name only, never by a machine's directories.
    assertTrue(tasks.startsWith("# Translated by flyte-migrate from hello_world.yaml (KFP pipeline `echo`).\n"), tasks);
    String wf = Files.readString(out.resolve("echo/workflows/echo.py"));
    assertTrue(wf.contains("    tasks.echo().with_overrides(node_name=\"echo\")\n"), wf);
    assertEquals("wrote 12 files to " + out + ": 1 tasks, 1 workflows, 1 launch plans; parity: 3 exact, 0 approximated,"
        + " 0 dropped\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void twoRunsWriteTheSameBytes() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, run("convert", file, "-o", a.toString()).exit());
    assertEquals(0, run("convert", file, "-o", b.toString()).exit());
    assertEquals(tree(a), tree(b));
    for (String f : tree(a)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void anInputWithErrorsWritesNothing() throws IOException {
    String file = input("bad.yaml", "schemaVersion: 2.1.0\npipelineInfo: {name: x}\nroot:\n  dag:\n    tasks:\n"
        + "      t:\n        componentRef: {name: comp-missing}\n        taskInfo: {name: t}\n");
    Path out = dir.resolve("out");
    Cli r = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM1007]"), r::toString);
    assertFalse(Files.exists(out), "nothing is written");
    assertEquals(List.of("bad.yaml"), tree(dir), "no temporary directory is left");
  }

  @Test
  void aNonEmptyOutputNeedsForceAndIsReplacedWhole() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "old");
    Cli refused = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(1, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("error[FM5006]: cannot write `" + out
        + "`: it exists and is not empty; pass --force to replace it"), refused::toString);
    assertEquals(List.of("keep.txt"), tree(out));

    Cli forced = run("convert", file, "-o", out.toString(), "--force");
    assertEquals(0, forced.exit(), forced::toString);
    assertFalse(Files.exists(out.resolve("keep.txt")), "the old content is gone");
    assertTrue(Files.exists(out.resolve("echo/tasks.py")));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("hello_world.yaml", "out"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary or backup directory is left");
    }
  }

  @Test
  void aNonEmptyOutputIsRefusedBeforeAnythingIsRead() throws IOException {
    String file = input("bad.yaml", "pipelineInfo: [unclosed\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "old");
    Cli r = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM5006]: cannot write `" + out + "`: it exists and is not empty"), r::toString);
    assertFalse(r.err().contains("FM1001"), "the input is not even read: " + r.err());
    assertEquals("", r.out());
    assertEquals(List.of("keep.txt"), tree(out));
  }

  @Test
  void aFailedWriteLeavesNothing() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where OUT's parent directory should be");
    Path out = blocker.resolve("out");
    Cli r = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM5006]: cannot write `" + out + "`"), r::toString);
    assertFalse(Files.exists(out));
    assertEquals(List.of("blocker", "hello_world.yaml"), tree(dir));
  }

  @Test
  void projectDomainAndVersionReachEveryId() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    LoweringOptions options = new LoweringOptions(Optional.of("ml"), Optional.of("development"), Optional.of("v1.2"),
        Optional.of("ghcr.io/acme/py:1"), LoweringOptions.PythonComponents.NATIVE);
    BatchConversion.Result result = new BatchConversion(
        new BatchConversion.Settings(Readers.all(), options, 1, true, "out/flyte-package.tgz"), Progress.NONE)
        .run(BatchInputs.find(List.of(file), Path.of("")).inputs(), new AtomicOutput(dir.resolve("ids"), false));
    BatchConversion.Unit u = result.units().get(0);
    assertTrue(u.converted(), u.diagnostics::toString);
    // Tasks, workflows, launch plans and the workflows they launch.
    List<Identifier> ids = u.identifiers;
    assertEquals(4, ids.size());
    for (Identifier id : ids) {
      assertEquals("ml", id.project(), id::toString);
      assertEquals("development", id.domain(), id::toString);
      assertEquals("v1.2", id.version(), id::toString);
    }
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    String file = input("hello_world.yaml", HELLO);
    String out = dir.resolve("out").toString();
    Cli version = run("convert", file, "-o", out, "--version", "1/2");
    assertEquals(2, version.exit(), version::toString);
    assertTrue(version.err().contains("--version may only hold letters, digits"), version::toString);
    Cli project = run("convert", file, "-o", out, "--project", "My_Project");
    assertEquals(2, project.exit(), project::toString);
    Cli mode = run("convert", file, "-o", out, "--python-components", "wheel");
    assertEquals(2, mode.exit(), mode::toString);
    assertTrue(mode.err().contains("--python-components expects native or container but was 'wheel'"), mode::toString);
    Cli missing = run("convert", file);
    assertEquals(2, missing.exit(), missing::toString);
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void pythonComponentsCanStayContainers() throws IOException {
    String file = input("coin_flip.yaml", FLIP);
    Path nat = dir.resolve("native");
    Path con = dir.resolve("container");
    assertEquals(0, run("convert", file, "-o", nat.toString()).exit());
    Cli r = run("convert", file, "-o", con.toString(), "--python-components", "container", "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    String nativeTasks = Files.readString(nat.resolve("coin_flip/tasks.py"));
    String containerTasks = Files.readString(con.resolve("coin_flip/tasks.py"));
    assertTrue(nativeTasks.contains("@task(container_image=flip_coin_image)\n"), nativeTasks);
    assertTrue(nativeTasks.contains("def flip_coin() -> str:\n    # fmt: off\n    import random\n"), nativeTasks);
    assertFalse(containerTasks.contains("@task"), containerTasks);
    assertTrue(containerTasks.contains("flip_coin = ContainerTask(\n    name=\"coin_flip.tasks.flip_coin\",\n"
        + "    image=\"python:3.11\",\n"), containerTasks);
    assertTrue(containerTasks.contains("--executor_input"), containerTasks);
  }

  @Test
  void anEmptyOperatorBecomesTheNoOpTaskAndTheDagStillVerifies() throws IOException {
    String file = input("empty_dag.py", """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.operators.bash import BashOperator

        with DAG(dag_id="ordering", schedule=None) as dag:
            start = EmptyOperator(task_id="start")
            work = BashOperator(task_id="work", bash_command="echo hi")
            start >> work
        """);
    Path out = dir.resolve("out");
    Cli r = run("convert", file, "-o", out.toString(), "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    String tasks = Files.readString(out.resolve("ordering/tasks.py"));
    assertTrue(tasks.contains("Echo("), tasks);
    String wf = Files.readString(out.resolve("ordering/workflows/ordering.py"));
    assertTrue(wf.contains("node_name=\"start\"") && wf.contains("node_name=\"work\""), wf);
  }
}
