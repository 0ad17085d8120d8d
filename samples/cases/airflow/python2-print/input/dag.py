from airflow import DAG
from airflow.operators.dummy_operator import DummyOperator

print "building the dag"
dag = DAG("old", schedule_interval=None)
DummyOperator(task_id="a", dag=dag)
