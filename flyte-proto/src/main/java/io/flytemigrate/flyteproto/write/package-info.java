/**
 * Writes the Flyte-shaped model ({@link io.flytemigrate.flyte.model}) as the protobuf messages
 * {@code pyflyte package} registers: one {@code flyteidl.admin.TaskSpec{template}} per task, one
 * {@code WorkflowSpec{template, sub_workflows}} per workflow and one {@code LaunchPlan{id, spec,
 * closure}} per launch plan, built with the real classes of {@code org.flyte:flyteidl-protos}
 * and listed in a registration (topological) order. One small class per entity kind: tasks,
 * workflows, nodes, bindings, branch conditions, array nodes, launch plans, literals, types.
 *
 * <p>Fields flyteidl 0.4.35 lacks ({@code Node.array_node}, {@code K8sPod.data_config}) are
 * written as unknown fields with the field numbers of the current IDL, which protobuf keeps
 * verbatim and current Flyte backends read. No IO here: messages go to {@code pack} as objects.
 */
package io.flytemigrate.flyteproto.write;
