/**
 * The evaluated Airflow DAG, between the readers and the IR: DAGs, task groups, tasks with their
 * arguments as {@link io.flytemigrate.airflow.model.PyValue}s, and explicit edges. Both readers
 * (DAG files and serialized DAGs) produce it, and one mapper turns it into the IR. No parsing,
 * no evaluation, no IR here.
 */
package io.flytemigrate.airflow.model;
