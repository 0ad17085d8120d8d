"""Branching: BranchPythonOperator, @task.branch, ShortCircuitOperator, and the join trigger rule."""
from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator, ShortCircuitOperator
from airflow.utils.trigger_rule import TriggerRule


def choose(size):
    return "small" if size < 10 else "large"


with DAG("branching", schedule=None):
    pick = BranchPythonOperator(task_id="pick", python_callable=choose, op_args=[3])
    small = EmptyOperator(task_id="small")
    large = EmptyOperator(task_id="large")
    join = EmptyOperator(task_id="join", trigger_rule=TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)
    pick >> [small, large] >> join

    @task.branch
    def again() -> str:
        return "final"

    gate = ShortCircuitOperator(task_id="gate", python_callable=lambda: True, ignore_downstream_trigger_rules=False)
    join >> again() >> gate >> EmptyOperator(task_id="final")
