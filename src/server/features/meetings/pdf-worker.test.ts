import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf-worker.ts';

describe('the PDF worker', () => {
  it('reads no file or URL but its fonts, and keeps working after a refusal', async () => {
    for (const image of ['https://example.com/logo.png', '/etc/passwd'])
      await expect(renderPdf({ content: [{ image }] })).rejects.toThrow(/denied/);
    const pdf = await renderPdf({ content: ['Hello'], defaultStyle: { font: 'Roboto' } });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
