"""Task settings from default_args and arguments: retries, delays, back-off, timeout, pool, queue..."""
from datetime import datetime, timedelta

from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.trigger_rule import TriggerRule

default_args = {
    "owner": "platform",
    "email": ["oncall@example.com"],
    "email_on_failure": True,
    "email_on_retry": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    "depends_on_past": True,
    "start_date": datetime(2024, 1, 1),
}

with DAG("settings", default_args=default_args, schedule="0 6 * * *", catchup=False):
    first = BashOperator(
        task_id="first",
        bash_command="true",
        execution_timeout=timedelta(hours=1),
        pool="warehouse",
        pool_slots=2,
        queue="heavy",
        priority_weight=10,
        weight_rule="absolute",
        sla=timedelta(hours=2),
    )
    second = BashOperator(task_id="second", bash_command="true", retries=0, depends_on_past=False)
    cleanup = BashOperator(task_id="cleanup", bash_command="true")
    cleanup.trigger_rule = TriggerRule.ALL_DONE
    first >> second >> cleanup
