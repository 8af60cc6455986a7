"""Times pyflow's decider on decision tasks written by bench/peers.bench.ts (our code; pyflow is not in this repo).

Usage: PYTHONPATH=$PYFLOW_HOME python3 bench/peers/pyflow-replay.py BUDGET_SECONDS MAX_RUNS TASK.json...

Each TASK.json is a PollForDecisionTask response in SWF's JSON wire shape (epoch-second timestamps, all pages
merged) of the `Steps` workflow (spec/fixtures/workflows/steps.workflow.ts). Prints one JSON line per task:
the events, the samples (ms) of `Decider.process_decision_task` and the decisions pyflow made; or why it was
skipped. Tasks are timed smallest first; a task is skipped when the time it would take, extrapolated from the
previous one, exceeds what is left of the budget.
"""
import datetime
import json
import statistics
import sys
import time

import pyflow


class Steps(pyflow.Workflow):
    """Calls the Lambda `step` `steps` times, `batch` calls in parallel at a time, and returns the sum of the results."""
    NAME = 'Steps'
    VERSION = '1'

    step = pyflow.LambdaDescriptor('step')

    def run(self, workflow_input):
        steps, batch = workflow_input['steps'], workflow_input['batch']
        total = 0
        for first in range(0, steps, batch):
            calls = [self.step(i) for i in range(first, min(steps, first + batch))]
            self.swf.wait_for_all(calls)
            total += sum(call.result() for call in calls)
        return total


def load(path):
    with open(path) as f:
        task = json.load(f)
    # boto3 hands the decider datetimes, not the wire's epoch seconds: convert before timing, as boto3 does.
    for event in task['events']:
        event['eventTimestamp'] = datetime.datetime.fromtimestamp(event['eventTimestamp'], datetime.timezone.utc)
    return task


def main(budget_s, max_runs, paths):
    # No client is used by process_decision_task; a sentinel keeps boto3 from looking for AWS credentials.
    decider = pyflow.Decider([Steps], domain='bench', task_list='bench', identity='bench', client=object())
    deadline = time.perf_counter() + budget_s
    previous = None  # (events, seconds of one run)
    for path in paths:
        task = load(path)
        events = len(task['events'])
        if previous is not None:
            # root_event_attributes scans the whole history per event: assume time grows with events squared.
            predicted = previous[1] * (events / previous[0]) ** 2
            left = deadline - time.perf_counter()
            if predicted > left:
                print(json.dumps({'events': events, 'skipped': 'one run would take about %.0f s, %.0f s of the '
                                  'budget left' % (predicted, max(left, 0))}), flush=True)
                continue
        samples = []
        decisions = None
        while len(samples) < max_runs:
            start = time.perf_counter()
            helper = decider.process_decision_task(task)
            samples.append(time.perf_counter() - start)
            decisions = helper.decisions
            # Fewer runs for big histories: stop when one more would overrun this task's share of the budget.
            share = (deadline - time.perf_counter()) / max(1, len(paths) - paths.index(path))
            if samples[-1] > share:
                break
        previous = (events, min(samples))
        print(json.dumps({'events': events, 'samplesMs': [s * 1000 for s in samples],
                          'medianMs': statistics.median(samples) * 1000, 'decisions': decisions}), flush=True)


if __name__ == '__main__':
    main(float(sys.argv[1]), int(sys.argv[2]), sys.argv[3:])
