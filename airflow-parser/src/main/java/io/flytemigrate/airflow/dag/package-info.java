/**
 * From the evaluated DAG ({@link io.flytemigrate.airflow.model.DagModel}) to the IR: one mapper per
 * kind of task (Python functions, bash, Kubernetes and Docker containers, opaque operators),
 * Jinja templates, schedules, params, task settings and dynamic mapping. No parsing and no
 * evaluation here; the same code serves DAG files and serialized DAGs.
 */
package io.flytemigrate.airflow.dag;
