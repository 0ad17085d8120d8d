/**
 * The pieces of the KFP v1 readers: component specs ({@code component.yaml}, their command-line
 * placeholders, types and graph implementations) and Argo Workflows compiled by the KFP 1.x SDK
 * (templates, DAGs and steps, loops, conditions, exit handlers, pod settings), plus the
 * recognition of the Argo form the KFP v2 backend writes and of other Kubernetes manifests (reported
 * as not being pipelines). {@link io.flytemigrate.kfp.KfpV1ComponentReader}
 * and {@link io.flytemigrate.kfp.ArgoWorkflowReader} are the entry points. No IO and no execution
 * here: the readers get the text and return IR plus diagnostics.
 */
package io.flytemigrate.kfp.v1;
