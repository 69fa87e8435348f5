// Errors raised by the codec when bytes do not describe a valid value.
// Decoders never return partial or garbage values: they throw DecodeError instead.

/** Thrown by every decoder of this package on malformed, truncated or invalid input. */
export class DecodeError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_DECODE' as const;
  /** The type being decoded when the error occurred (for example `Message`). */
  readonly type: string;

  /**
   * @param type - The type being decoded.
   * @param reason - What was wrong with the input.
   * @param options - Standard error options (the underlying cause).
   */
  constructor(type: string, reason: string, options?: ErrorOptions) {
    super(`cannot decode ${type}: ${reason}`, options);
    this.name = 'DecodeError';
    this.type = type;
  }
}
