// A tiny typed listener registry for the peerUp / peerDown events of a transport.
// Listener exceptions are caught and reported so one bad listener cannot break the transport.
import type { NodeId, TransportEvents } from './types.js';

/** Holds listeners of {@link TransportEvents} for an adapter. */
export class PeerEvents {
  private readonly listeners: { [E in keyof TransportEvents]: Set<TransportEvents[E]> } = {
    peerUp: new Set(),
    peerDown: new Set(),
  };

  /** @param onListenerError - Called when a listener throws. */
  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Adds a listener; returns the function that removes it. */
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    this.listeners[event].add(listener);
    return () => {
      this.listeners[event].delete(listener);
    };
  }

  /** Calls every listener of `event` with `peer`. */
  emit(event: keyof TransportEvents, peer: NodeId): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        listener(peer);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
