"""KubernetesPodOperator: image, cmds, arguments, env, resources, secrets, volumes, scheduling."""
from kubernetes.client import models as k8s

from airflow.models.dag import DAG
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.cncf.kubernetes.secret import Secret

token = Secret("env", "API_TOKEN", "api-credentials", "token")
certs = Secret("volume", "/etc/certs", "tls-certs")
data = k8s.V1Volume(name="data", persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(claim_name="data-pvc"))
scratch = k8s.V1Volume(name="scratch", empty_dir=k8s.V1EmptyDirVolumeSource(medium="Memory"))

with DAG("pods", schedule=None):
    KubernetesPodOperator(
        task_id="train",
        name="train",
        namespace="ml",
        image="registry.example/train:1.4",
        cmds=["python", "train.py"],
        arguments=["--date", "{{ ds }}", "--epochs", "3"],
        env_vars=[k8s.V1EnvVar(name="MODE", value="fast")],
        container_resources=k8s.V1ResourceRequirements(
            requests={"cpu": "2", "memory": "4Gi"}, limits={"memory": "8Gi", "nvidia.com/gpu": "1"}
        ),
        secrets=[token, certs],
        volumes=[data, scratch],
        volume_mounts=[
            k8s.V1VolumeMount(name="data", mount_path="/data", sub_path="train"),
            k8s.V1VolumeMount(name="scratch", mount_path="/scratch"),
        ],
        node_selector={"pool": "gpu"},
        tolerations=[k8s.V1Toleration(key="gpu", operator="Exists", effect="NoSchedule")],
        labels={"team": "ml"},
        image_pull_secrets=[k8s.V1LocalObjectReference("regcred")],
        image_pull_policy="IfNotPresent",
        do_xcom_push=True,
        get_logs=True,
    )
