package io.flytemigrate.flyte.python;

/**
 * The project's compat module, written only when a task needs it: it runs KFP lightweight
 * component functions unchanged, giving them the artifact objects, output paths and final status
 * KFP's executor gave them. Its text is fixed and documented in itself.
 */
final class CompatModule {
  private CompatModule() {}

  /** The module's source. */
  static String text() {
    return TEXT;
  }

  private static final String TEXT = """
\"""Runs KFP lightweight-component functions unchanged inside Flyte tasks.

A KFP component function receives artifacts as objects with ``.path``, ``.uri`` and
``.metadata``, writes outputs through ``Output[...]`` artifacts or ``OutputPath`` files, and may
take a ``PipelineTaskFinalStatus``. This module gives those functions the objects they expect:
the tasks in ``tasks.py`` keep typed Flyte signatures (``FlyteFile``, ``FlyteDirectory``, plain
values) and call the original function through :func:`call`. Artifact metadata is not kept,
since Flyte files carry none.
\"""

import inspect
import json
import os
import tempfile
import types
import typing

from flytekit.types.directory import FlyteDirectory
from flytekit.types.file import FlyteFile

__all__ = [
    "HTML",
    "Artifact",
    "ClassificationMetrics",
    "Dataset",
    "Input",
    "InputPath",
    "Markdown",
    "Metrics",
    "Model",
    "Output",
    "OutputPath",
    "PipelineTaskFinalStatus",
    "SlicedClassificationMetrics",
    "dsl",
]


class Artifact:
    \"""A KFP artifact: a local ``path`` to read or write, its ``uri`` and ``metadata``.\"""

    schema_title = "system.Artifact"

    def __init__(self, name="", uri="", metadata=None):
        self.name = name
        self.uri = uri
        self.path = uri
        self.metadata = dict(metadata or {})


class Dataset(Artifact):
    schema_title = "system.Dataset"


class Model(Artifact):
    schema_title = "system.Model"


class HTML(Artifact):
    schema_title = "system.HTML"


class Markdown(Artifact):
    schema_title = "system.Markdown"


class Metrics(Artifact):
    schema_title = "system.Metrics"

    def log_metric(self, metric, value):
        self.metadata[metric] = value


class ClassificationMetrics(Artifact):
    schema_title = "system.ClassificationMetrics"

    def log_roc_curve(self, fpr, tpr, threshold):
        self.metadata["confidenceMetrics"] = [
            {"falsePositiveRate": f, "recall": t, "confidenceThreshold": c}
            for f, t, c in zip(fpr, tpr, threshold)
        ]

    def log_confusion_matrix(self, categories, matrix):
        self.metadata["confusionMatrix"] = {"categories": categories, "matrix": matrix}


class SlicedClassificationMetrics(Artifact):
    schema_title = "system.SlicedClassificationMetrics"


class _Marker:
    \"""``Input[T]`` and ``Output[T]``: annotations that say how an artifact is passed.\"""

    def __init__(self, name):
        self.name = name

    def __getitem__(self, artifact_type):
        return typing.Annotated[artifact_type, self]

    def __repr__(self):
        return self.name


Input = _Marker("Input")
Output = _Marker("Output")


class _PathMarker:
    def __init__(self, name, kind=None):
        self.name = name
        self.kind = kind


def InputPath(kind=None):
    \"""A parameter that receives the local path of an input file.\"""
    return typing.Annotated[str, _PathMarker("InputPath", kind)]


def OutputPath(kind=None):
    \"""A parameter that receives the local path an output must be written to.\"""
    return typing.Annotated[str, _PathMarker("OutputPath", kind)]


class PipelineTaskFinalStatus:
    \"""The final status an exit task receives; Flyte provides the state only.\"""

    def __init__(
        self, state="", pipeline_job_resource_name="", pipeline_task_name="", error=None
    ):
        self.state = state
        self.pipeline_job_resource_name = pipeline_job_resource_name
        self.pipeline_task_name = pipeline_task_name
        self.error_code = (error or {}).get("code")
        self.error_message = (error or {}).get("message")


dsl = types.SimpleNamespace(
    Artifact=Artifact,
    ClassificationMetrics=ClassificationMetrics,
    Dataset=Dataset,
    HTML=HTML,
    Input=Input,
    InputPath=InputPath,
    Markdown=Markdown,
    Metrics=Metrics,
    Model=Model,
    Output=Output,
    OutputPath=OutputPath,
    PipelineTaskFinalStatus=PipelineTaskFinalStatus,
    SlicedClassificationMetrics=SlicedClassificationMetrics,
)


def _how(annotation):
    \"""(marker, inner type) of a parameter annotation.\"""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *extras = typing.get_args(annotation)
        for extra in extras:
            if isinstance(extra, (_Marker, _PathMarker)):
                return extra.name, inner
        return None, inner
    if inspect.isclass(annotation) and issubclass(annotation, Artifact):
        return "Input", annotation
    return None, annotation


def _is_file(value):
    if isinstance(value, list):
        return bool(value) and all(_is_file(v) for v in value)
    return isinstance(value, (FlyteFile, FlyteDirectory))


def _local(value):
    if isinstance(value, (FlyteFile, FlyteDirectory)):
        return value.download()
    return value


def _artifact(value, artifact_type, name):
    if isinstance(value, list):
        element = (
            typing.get_args(artifact_type)[0]
            if typing.get_args(artifact_type)
            else Artifact
        )
        return [_artifact(v, element, name) for v in value]
    remote = getattr(value, "remote_source", None) or str(value)
    artifact = artifact_type(name=name, uri=remote)
    artifact.path = _local(value)
    return artifact


def _status(value):
    value = value if isinstance(value, dict) else json.loads(value or "{}")
    return PipelineTaskFinalStatus(
        state=value.get("state", ""),
        pipeline_job_resource_name=value.get("pipelineJobResourceName", ""),
        pipeline_task_name=value.get("pipelineTaskName", ""),
        error=value.get("error"),
    )


def _input(value, annotation, name):
    marker, inner = _how(annotation)
    if inner is PipelineTaskFinalStatus:
        return _status(value)
    if marker == "InputPath":
        if isinstance(value, (FlyteFile, FlyteDirectory)):
            return _local(value)
        path = os.path.join(tempfile.mkdtemp(), name)
        with open(path, "w") as f:
            f.write(value if isinstance(value, str) else json.dumps(value))
        return path
    if marker == "Input" or _is_file(value):
        return _artifact(value, inner, name)
    return value


def _output(value, flyte_type):
    if isinstance(value, Artifact):
        value = value.path
    if flyte_type in (FlyteFile, FlyteDirectory):
        return flyte_type(path=value)
    return value


def _read(path, flyte_type):
    if flyte_type in (FlyteFile, FlyteDirectory):
        return flyte_type(path=path)
    with open(path) as f:
        text = f.read()
    if flyte_type is str:
        return text
    if flyte_type is bool:
        return text.strip().lower() == "true"
    if flyte_type in (int, float):
        return flyte_type(text.strip())
    return json.loads(text)


def call(function, outputs, **inputs):
    \"""Calls a KFP component function as KFP's executor does, with Flyte values.

    ``outputs`` lists the task's outputs as ``(name, type)`` pairs, in order; a task with one output
    names it ``o0``, which is the function's only output parameter or else its return value. The
    result is that single value, a tuple in ``outputs`` order, or None.
    \"""
    signature = inspect.signature(function)
    hints = typing.get_type_hints(function, include_extras=True)
    workdir = tempfile.mkdtemp(prefix="kfp-outputs-")
    arguments = {}
    produced = {}
    for name, parameter in signature.parameters.items():
        annotation = hints.get(name, parameter.annotation)
        marker, inner = _how(annotation)
        if marker in ("Output", "OutputPath"):
            path = os.path.join(workdir, name)
            produced[name] = inner(name=name, uri=path) if marker == "Output" else path
            arguments[name] = produced[name]
        elif name in inputs:
            arguments[name] = _input(inputs[name], annotation, name)
    result = function(**arguments)
    values = {}
    if isinstance(result, tuple) and hasattr(result, "_fields"):
        values.update(zip(result._fields, result))
    elif result is not None:
        values["Output"] = result
    collected = []
    for name, flyte_type in outputs:
        if name == "o0" and len(outputs) == 1:
            name = next(iter(produced), "Output")
        if name in produced:
            target = produced[name]
            path = target.path if isinstance(target, Artifact) else target
            collected.append(_read(path, flyte_type))
        else:
            collected.append(_output(values.get(name), flyte_type))
    if not collected:
        return None
    return collected[0] if len(collected) == 1 else tuple(collected)
""";
}
