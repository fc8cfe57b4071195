import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { frameOf } from './frame.ts';
import { SharedMessage } from './hub.ts';

/** ws's own reader, as a client's browser would read the frames. */
const { Receiver } = wsModule as unknown as {
  Receiver: new (options: {
    isServer: boolean;
  }) => NodeJS.WritableStream & {
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  };
};

function read(frame: Buffer): Promise<{ text: string; isBinary: boolean }> {
  const receiver = new Receiver({ isServer: false });
  return new Promise((resolve, reject) => {
    receiver.on('message', (data, isBinary) => resolve({ text: data.toString(), isBinary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('a room’s shared message as a WebSocket frame', () => {
  // Lengths on each side of the frame header's three sizes (7 bits, 16 bits, 64 bits).
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('reads back whole at %i bytes', async (length) => {
    const text = 'é'.repeat(Math.floor(length / 2)) + 'x'.repeat(length % 2);
    const frame = frameOf(new SharedMessage(text));
    expect(await read(frame)).toEqual({ text, isBinary: false });
  });

  it('is made once, however many sockets send it', () => {
    const message = new SharedMessage('{"t":"event"}');
    expect(frameOf(message)).toBe(frameOf(message));
  });
});
