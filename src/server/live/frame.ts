import * as wsModule from 'ws';
import type { SharedMessage } from './hub.ts';

/** ws frames its messages with this (exported by ws, left out of its type package). */
const { Sender } = wsModule as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Buffer[];
  };
};
const textOpcode = 1;

/**
 * A room's shared message as one WebSocket frame, as a server sends it (final, unmasked, text), made
 * once and kept on the message for every socket of the room.
 */
export function frameOf(message: SharedMessage): Buffer {
  message.encoded ??= Buffer.concat(
    Sender.frame(Buffer.from(message.text), {
      fin: true,
      opcode: textOpcode,
      mask: false,
      readOnly: false,
      rsv1: false,
    }),
  );
  return message.encoded;
}
