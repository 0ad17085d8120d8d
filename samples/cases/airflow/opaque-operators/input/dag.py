"""Operators without translation stay opaque with their arguments: sensors, triggers, custom classes."""
from airflow.models.baseoperator import BaseOperator
from airflow.models.dag import DAG
from airflow.operators.latest_only import LatestOnlyOperator
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
from airflow.providers.google.cloud.operators.bigquery import BigQueryInsertJobOperator
from airflow.sensors.external_task import ExternalTaskSensor
from airflow.sensors.filesystem import FileSensor


class Notify(BaseOperator):
    template_fields = ("message",)

    def __init__(self, message, **kwargs):
        super().__init__(**kwargs)
        self.message = message

    def execute(self, context):
        print(self.message)


with DAG("opaque", schedule=None):
    wait = FileSensor(task_id="wait", filepath="/data/in.csv", poke_interval=30, mode="reschedule")
    upstream = ExternalTaskSensor(task_id="upstream", external_dag_id="ingest", external_task_id="done")
    latest = LatestOnlyOperator(task_id="latest")
    query = BigQueryInsertJobOperator(task_id="query", configuration={"query": {"query": "SELECT 1"}})
    trigger = TriggerDagRunOperator(task_id="trigger", trigger_dag_id="downstream", conf={"date": "{{ ds }}"})
    notify = Notify(task_id="notify", message="done")
    [wait, upstream] >> latest >> query >> trigger >> notify
