"""TaskGroups prefix ids (nested, or not with prefix_group_id=False); @task_group calls get __N."""
from airflow.decorators import task, task_group
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup


@task
def step(value):
    return value


@task_group
def section(value):
    step(step(value))


with DAG("groups", schedule=None):
    start = EmptyOperator(task_id="start")
    with TaskGroup("extract", tooltip="pull the data") as extract:
        with TaskGroup("inner"):
            EmptyOperator(task_id="a") >> EmptyOperator(task_id="b")
        with TaskGroup("flat", prefix_group_id=False):
            EmptyOperator(task_id="c")
    end = EmptyOperator(task_id="end")
    start >> extract
    for i in range(2):
        extract >> section(i) >> end
