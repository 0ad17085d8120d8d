package io.flytemigrate.bench.hostile;

/** Small valid KFP v2 specs that the hostile inputs are made from. */
final class Specs {
  private Specs() {}

  /** A one-task pipeline; line 17 holds the task's component reference. */
  static final String HELLO = """
      components:
        comp-echo:
          executorLabel: exec-echo
      deploymentSpec:
        executors:
          exec-echo:
            container:
              image: busybox
              command: [echo]
      pipelineInfo:
        name: echo
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              taskInfo:
                name: echo
      schemaVersion: 2.1.0
      """;

  /** The same pipeline as JSON. */
  static final String HELLO_JSON = """
      {
        "components": {"comp-echo": {"executorLabel": "exec-echo"}},
        "deploymentSpec": {"executors": {"exec-echo": {"container": {"image": "busybox", "command": ["echo"]}}}},
        "pipelineInfo": {"name": "echo"},
        "root": {"dag": {"tasks": {"echo": {"componentRef": {"name": "comp-echo"}, "taskInfo": {"name": "echo"}}}}},
        "schemaVersion": "2.1.0"
      }
      """;
}
