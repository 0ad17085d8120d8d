"""Setup and teardown: as_setup/as_teardown, @setup/@teardown and the context manager form."""
import pendulum

from airflow.decorators import setup, task, teardown
from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator

with DAG("setup_teardown", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):
    create = BashOperator(task_id="create_cluster", bash_command="make cluster").as_setup()
    work = BashOperator(task_id="work", bash_command="run job")
    delete = BashOperator(task_id="delete_cluster", bash_command="drop cluster").as_teardown(setups=create)
    create >> work >> delete

    @setup
    def open_session():
        return "session-1"

    @teardown
    def close_session(session):
        print("closing", session)

    @task
    def query():
        return 1

    with close_session(open_session()):
        query()
