"""Every way to declare an edge: >>, <<, lists, chain, chain_linear, cross_downstream, set_*, Label."""
from airflow.models.baseoperator import chain, chain_linear, cross_downstream
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.edgemodifier import Label

with DAG("edges", schedule=None):
    t = {name: EmptyOperator(task_id=name) for name in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]}
    t["a"] >> t["b"] >> [t["c"], t["d"]]
    [t["c"], t["d"]] >> t["e"] << t["f"]
    chain(t["e"], [t["g"], t["h"]], [t["i"], t["j"]])
    chain_linear([t["a"], t["b"]], [t["i"], t["j"]])
    cross_downstream([t["f"]], [t["g"], t["h"]])
    t["j"].set_upstream(t["f"])
    t["a"].set_downstream(t["f"])
    t["g"] >> Label("checked") >> t["j"]
