/**
 * The Flyte-shaped model the IR is lowered into once, and which every writer reads: the flytekit
 * Python project writer and the registrable protobuf package writer. It mirrors what flyteidl
 * needs (tasks with type, interface, container or pod and metadata; workflows with nodes,
 * bindings, upstream ids, branches, sub-workflow and launch-plan calls, array nodes and a failure
 * node; launch plans with default and fixed inputs, schedule and labels), plus the few Python
 * facts (module and attribute names, function sources, images) the Python writer needs so that
 * both outputs describe exactly the same entities.
 *
 * <p>Immutable records and sealed interfaces only; lists keep a meaningful order (source order,
 * or dependency order for entities) and writers never need to sort them again. Deliberately
 * absent: protobuf classes, Python text, IO. The model changes only additively.
 */
package io.flytemigrate.flyte.model;
