/** Messages of wiring errors, in one place so that they read alike; each ends with what to do. */
export const wiringMessages = {
  activitiesNotListed: (workflow: string, member: string, activities: string, module: string) =>
    `${workflow}.${member} calls activity class ${activities}, which is not in the activities of module ${module} (or a module it imports). ` +
    `Add it: @WorkerModule({ activities: [${activities}] }); if another worker serves it, refer to the type by name: ` +
    '@Activity({ name, version }) or set workers: { activities: false }.',
  notAProvider: (owner: string, dependency: string, index: number, module: string, example: string) =>
    `${owner} needs ${dependency} (constructor parameter ${index + 1}), which is not a provider of module ${module}. ` +
    `Add it: @WorkerModule({ providers: [${example}] }), or register it in the container passed as options.container.`,
  notInjectableType: (owner: string, dependency: string, index: number) =>
    `${owner} needs ${dependency} (constructor parameter ${index + 1}), which DI cannot build: the parameter is typed as an interface or a primitive. ` +
    'Give it a token: @inject(TOKEN), and provide TOKEN in @WorkerModule({ providers: [{ provide: TOKEN, useValue: … }] }).',
  notInjectable: (provider: string, parameters: number) =>
    `Provider ${provider} takes ${parameters} constructor parameter(s) but has no decorator metadata: decorate it with @injectable() from tsyringe. ` +
    'If it is decorated, compile with tsc and set "experimentalDecorators" and "emitDecoratorMetadata" in tsconfig.json ' +
    '(esbuild-based loaders such as tsx emit no decorator metadata).',
  notBuilt: (cls: string, module: string, reason: string) => `Could not build ${cls} of module ${module} at bootstrap. Reason: ${reason}`,
};
