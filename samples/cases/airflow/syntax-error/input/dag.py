from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator

with DAG("broken", schedule=None) as dag:
    a = EmptyOperator(task_id="a"
    b = EmptyOperator(task_id="b")
