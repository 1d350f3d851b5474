/**
 * What the printer service needs from a connection. Transports are thin: open once, write, report data and
 * loss of the link. Reconnecting, polling and queueing live in the service so every transport gets them.
 */
export interface TransportEvents {
  onData(chunk: Buffer): void;
  /** The link is gone (device unplugged, socket dropped). Not called for close(). */
  onClose(reason: string): void;
}

export interface Transport {
  readonly kind: 'serial' | 'tcp' | 'file' | 'sim';
  /** For logs. */
  readonly name: string;
  /** True when the far end answers DLE EOT status requests. */
  readonly answersStatus: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes have left our process (drained to the device or socket). */
  write(bytes: Uint8Array, jobId?: string): Promise<void>;
  close(): Promise<void>;
}
