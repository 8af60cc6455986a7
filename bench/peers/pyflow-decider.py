"""pyflow's decider end to end against tsflow's embedded service over loopback HTTP (our code; pyflow is not here).

Usage: PYTHONPATH=$PYFLOW_HOME python3 bench/peers/pyflow-decider.py ENDPOINT_URL DOMAIN TASK_LIST

Registers `SequentialLambdas` (bench/bench-workflows.ts: calls the Lambda `bench_step` on its own result,
`steps` times, and returns the last result), prints `ready`, then runs the loop of pyflow's
Decider.poll_for_decision_tasks (poll with all pages, process_decision_task, respond) until the execution
closes, and prints the decision tasks it answered as JSON.
"""
import json
import sys

import boto3
import botocore.config

import pyflow
from pyflow import utils


class SequentialLambdas(pyflow.Workflow):
    NAME = 'SequentialLambdas'
    VERSION = '1'

    def run(self, steps):
        n = 0
        for _ in range(steps):
            n = self.swf.invoke_lambda('bench_step', n).result()
        return n


def main(url, domain, task_list):
    # Loopback only, and the embedded service checks no signature: placeholder credentials.
    client = boto3.client('swf', endpoint_url=url, region_name='us-east-1', aws_access_key_id='bench',
                          aws_secret_access_key='bench', config=botocore.config.Config(read_timeout=70))
    decider = pyflow.Decider([SequentialLambdas], domain, task_list, 'pyflow-bench', client=client)
    decider.ensure_workflows_registered()
    print('ready', flush=True)
    tasks = 0
    while True:
        # The body of Decider.poll_for_decision_tasks, which loops until a time limit rather than until the run ends.
        task = utils.poll_for_decision_tasks(client, domain, task_list, 'pyflow-bench')
        if not task.get('taskToken'):
            continue
        helper = decider.process_decision_task(task)
        client.respond_decision_task_completed(taskToken=helper.task_token, decisions=helper.decisions)
        tasks += 1
        closing = [d['decisionType'] for d in helper.decisions
                   if d['decisionType'] in ('CompleteWorkflowExecution', 'FailWorkflowExecution')]
        if closing:
            print(json.dumps({'decisionTasks': tasks, 'closedWith': closing[0], 'decisions': helper.decisions}),
                  flush=True)
            return


if __name__ == '__main__':
    main(*sys.argv[1:4])
