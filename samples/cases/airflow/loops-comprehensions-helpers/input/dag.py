"""Tasks from literal loops, comprehensions and a helper function called twice."""
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.operators.bash import BashOperator


def stage(name, rule="all_success"):
    start = EmptyOperator(task_id=f"{name}_start")
    end = EmptyOperator(task_id=f"{name}_end", trigger_rule=rule)
    start >> end
    return start, end


with DAG("loops", schedule=None):
    shards = [BashOperator(task_id=f"shard_{i}", bash_command=f"run {i}") for i in range(3) if i != 1]
    first_start, first_end = stage("first")
    second_start, second_end = stage("second", rule="one_success")
    for shard in shards:
        first_end >> shard >> second_start
    for i in range(2):
        last = EmptyOperator(task_id=f"tail_{i}")
    second_end >> last
