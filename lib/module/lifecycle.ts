/** A provider that needs to start something before the workers run (a connection, a cache). */
export interface OnModuleInit {
  /** Awaited once at bootstrap, in module order, before the workers start polling. */
  onModuleInit(): void | Promise<void>;
}

/** A provider that needs to release something after the workers stopped. */
export interface OnModuleDestroy {
  /** Awaited once on close, in reverse module order, after the workers stopped. */
  onModuleDestroy(): void | Promise<void>;
}

export function hasInit(value: unknown): value is OnModuleInit {
  return typeof (value as Partial<OnModuleInit> | undefined)?.onModuleInit === 'function';
}

export function hasDestroy(value: unknown): value is OnModuleDestroy {
  return typeof (value as Partial<OnModuleDestroy> | undefined)?.onModuleDestroy === 'function';
}
