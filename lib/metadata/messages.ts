/** Messages of definition errors, in one place so that they read alike. */
export const messages = {
  notAWorkflow: (cls: string) => `${cls} is not a workflow: decorate it with @Workflow(name, version).`,
  notActivities: (cls: string) => `${cls} is not an activities class: decorate it with @Activities({ version }).`,
  callsOnNonWorkflow: (cls: string, members: string[]) =>
    `${cls} has workflow call members (${members.join(', ')}) but is not a @Workflow; ` +
    `@Lambda, @ChildWorkflow and @Activity(Class, 'method') members belong on a @Workflow class.`,
  activityMethodsOnNonActivities: (cls: string, methods: string[]) =>
    `${cls} has @Activity methods (${methods.join(', ')}) but is not decorated with @Activities({ version }).`,
  noRun: (cls: string) => `Workflow ${cls} has no run method: a workflow class needs \`async run(input)\`.`,
  noActivities: (cls: string) => `${cls} is decorated with @Activities but none of its methods is decorated with @Activity().`,
  activityMethodMissing: (where: string, cls: string, method: string) =>
    `${where} refers to ${cls}.${method}, which is not an @Activity() method of ${cls}.`,
  invalid: (where: string, problem: string) => `${where}: ${problem}`,
  duplicateWorkflow: (name: string, version: string, first: string, second: string) =>
    `Workflow type '${name}' version '${version}' is defined twice: by ${first} and by ${second}.`,
  duplicateActivity: (name: string, version: string, first: string, second: string) =>
    `Activity type '${name}' version '${version}' is defined twice: by ${first} and by ${second}.`,
};
