import 'reflect-metadata';
import { expect } from 'chai';
import { Activities, Activity, Workflow, type ActivityCall } from '../../index';
import { describeActivities, describeWorkflow } from '../../lib/metadata';

interface Email {
  email: string;
}

@Activities({ version: '1.0', defaultTaskList: 'subscriptions', defaultTaskStartToCloseTimeout: 60 })
class SubscriptionActivities {
  @Activity()
  async subscribe(input: Email): Promise<string> {
    return `subscribed ${input.email}`;
  }

  @Activity({ name: 'subscribe_topic_activity', version: 'v1', defaultTaskHeartbeatTimeout: 900, description: 'SNS topic' })
  async topic(input: Email): Promise<void> {
    void input;
  }
}

@Activities({ version: '3', prefix: 'billing' })
class BillingActivities {
  @Activity() async charge(cents: number): Promise<boolean> {
    return cents > 0;
  }
}

describe('@Activities and @Activity on methods', () => {
  it('names each activity type prefix.method, the prefix defaulting to the class name', () => {
    expect(describeActivities(SubscriptionActivities).map((a) => [a.name, a.version])).to.deep.equal([
      ['SubscriptionActivities.subscribe', '1.0'],
      ['subscribe_topic_activity', 'v1'],
    ]);
    expect(describeActivities(BillingActivities).map((a) => a.name)).to.deep.equal(['billing.charge']);
  });

  it('merges class defaults with method overrides', () => {
    const [subscribe, topic] = describeActivities(SubscriptionActivities);
    expect(subscribe.defaults).to.deep.equal({ taskList: 'subscriptions', startToCloseTimeout: 60 });
    expect(topic.defaults).to.deep.equal({
      taskList: 'subscriptions',
      startToCloseTimeout: 60,
      heartbeatTimeout: 900,
      description: 'SNS topic',
    });
    expect(topic.method).to.equal('topic');
    expect(topic.target).to.equal(SubscriptionActivities);
  });
});

describe('@Activity on workflow members', () => {
  it('resolves a class and method to the activity type and its default task list', () => {
    @Workflow('Subscriber', '1')
    class Subscriber {
      @Activity(SubscriptionActivities, 'subscribe', { startToCloseTimeout: 10 }) subscribe!: ActivityCall<Email, string>;
      async run(): Promise<void> {}
    }
    expect(describeWorkflow(Subscriber).calls).to.deep.equal([
      {
        kind: 'activity',
        member: 'subscribe',
        activityType: { name: 'SubscriptionActivities.subscribe', version: '1.0' },
        options: { startToCloseTimeout: 10, taskList: 'subscriptions' },
      },
    ]);
  });

  it('takes an activity type by name and version with call options', () => {
    @Workflow('Legacy', '1')
    class Legacy {
      @Activity({ name: 'subscribe_topic_activity', version: 'v1' }, { taskList: 'subscription-activities' })
      subscribe!: ActivityCall<Email, void>;
      async run(): Promise<void> {}
    }
    expect(describeWorkflow(Legacy).calls[0]).to.deep.equal({
      kind: 'activity',
      member: 'subscribe',
      activityType: { name: 'subscribe_topic_activity', version: 'v1' },
      options: { taskList: 'subscription-activities' },
    });
  });

  it('rejects call options on a reference that look like registration options', () => {
    expect(() => {
      class Wrong {
        @Activity({ name: 'a', version: '1', taskList: 'x' } as never) a!: ActivityCall<string, string>;
      }
      return Wrong;
    }).to.throw(TypeError, "@Activity on Wrong.a: unknown option 'taskList'; allowed: name, version.");
  });

  it('rejects a class without the method name', () => {
    expect(() => {
      const loose = Activity as (...args: unknown[]) => PropertyDecorator;
      class Wrong {
        @loose(BillingActivities) a!: ActivityCall<string, string>;
      }
      return Wrong;
    }).to.throw(TypeError, "with an activities class, the second argument must be the method's name");
  });
});
