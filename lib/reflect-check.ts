import 'reflect-metadata';

/**
 * tsflow's decorators and tsyringe need the Reflect metadata API and the
 * compiler's decorator metadata. Fail at import with what to do, instead of
 * later with "Cannot read properties of undefined".
 */
export function assertReflectMetadata(): void {
  if (typeof Reflect !== 'object' || typeof Reflect.getMetadata !== 'function' || typeof Reflect.defineMetadata !== 'function') {
    throw new Error(
      "tsflow needs the Reflect metadata API, but Reflect.getMetadata is missing. Install 'reflect-metadata' " +
        '(npm install reflect-metadata) and make sure nothing replaces the global Reflect object.',
    );
  }
}

/**
 * Emitted parameter types are how tsyringe injects constructor arguments; they
 * exist only when the user's compiler has `emitDecoratorMetadata` on (esbuild-based
 * loaders such as tsx never emit them).
 */
export function assertDecoratorMetadata(target: { name: string; length: number }): void {
  if (target.length > 0 && Reflect.getMetadata('design:paramtypes', target) === undefined) {
    throw new Error(
      `${target.name} takes ${target.length} constructor parameter(s), but no decorator metadata was emitted for it. ` +
        'Compile with tsc and set "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json; ' +
        'loaders built on esbuild (tsx, ts-node --swc) do not emit decorator metadata.',
    );
  }
}
