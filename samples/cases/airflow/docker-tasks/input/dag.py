"""DockerOperator and the @task.docker / @task.kubernetes decorators."""
from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.providers.docker.operators.docker import DockerOperator

with DAG("docker", schedule=None):
    run = DockerOperator(
        task_id="run",
        image="alpine:3.19",
        command="sh -c 'echo $GREETING'",
        environment={"GREETING": "hi"},
        mem_limit="512m",
        docker_url="unix://var/run/docker.sock",
        network_mode="bridge",
    )

    @task.docker(image="python:3.11-slim", multiple_outputs=True)
    def inside() -> dict:
        return {"n": 1}

    @task.kubernetes(image="python:3.12", namespace="jobs", in_cluster=True)
    def pod(n: int) -> None:
        print(n)

    run >> pod(inside()["n"])
