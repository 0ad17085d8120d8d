"""Airflow 1 style: DAG objects and dag= arguments, several DAGs in one file, days_ago dates."""
from airflow.models import DAG
from airflow.operators.bash_operator import BashOperator
from airflow.operators.dummy_operator import DummyOperator
from airflow.utils.dates import days_ago

args = {"owner": "airflow", "start_date": days_ago(2)}

dag1 = DAG(dag_id="first", default_args=args, schedule_interval="@daily")
dag2 = DAG(dag_id="second", default_args=args, schedule_interval=None)

start = DummyOperator(task_id="start", dag=dag1)
work = BashOperator(task_id="work", bash_command="echo 1", dag=dag1)
start.set_downstream(work)

other = BashOperator(task_id="other", bash_command="echo 2", dag=dag2)
