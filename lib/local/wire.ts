import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';

/**
 * An SDK shape as SWF's JSON protocol carries it: every `Date` becomes
 * epoch seconds. The backend speaks this form so the transport can send it as is.
 */
export type Wire<T> = T extends Date ? number : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type WireHistoryEvent = Wire<HistoryEvent>;

/** The attributes member of an event, e.g. `activityTaskScheduledEventAttributes`. */
export type EventAttributesKey<E extends EventType> = `${Uncapitalize<E>}EventAttributes` & keyof HistoryEvent;
export type EventAttributes<E extends EventType> = NonNullable<HistoryEvent[EventAttributesKey<E>]>;

export function eventAttributesKey<E extends EventType>(eventType: E): EventAttributesKey<E> {
  return `${eventType[0].toLowerCase()}${eventType.slice(1)}EventAttributes` as EventAttributesKey<E>;
}

/** Drops members that are `undefined`, as they would vanish on the wire anyway. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
