/**
 * A list of names or words as the reader's language writes it ("Amara, Ben and Chloe", "Amara, Ben et
 * Chloe", "أمارة وبن وكلوي"): Intl.ListFormat, never a hand-made join(', ').
 */
export function listOf(
  items: readonly string[],
  language: string,
  type: 'conjunction' | 'unit' = 'conjunction',
) {
  return new Intl.ListFormat(language, { style: 'long', type }).format(items);
}
