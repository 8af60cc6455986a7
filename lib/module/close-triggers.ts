import type { Logger } from '../logging/logger';
import type { FlowApp } from './flow-app';
import type { FlowOptions } from './flow-options';

/** Closes the app after `maxTime` seconds and on SIGTERM/SIGINT, as the options ask; both are undone when it closes. */
export function closeOnTriggers(app: FlowApp, options: Pick<FlowOptions, 'maxTime' | 'handleSignals'>, logger: Logger): void {
  if (options.maxTime !== undefined) {
    const timer = setTimeout(() => {
      logger.info('maxTime reached; stopping', { maxTime: options.maxTime });
      void app.close();
    }, options.maxTime * 1000);
    app.onClose(() => clearTimeout(timer));
  }
  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info('signal received; closing gracefully', { signal });
      void app.close();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    app.onClose(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
}
