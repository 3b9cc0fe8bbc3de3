// Phone numbers as the agent types them: E.164 for the dialer, and the digits History searches on.
// A ten-digit national number is North American (+1), the Evo Voice numbering plan.

const NUMBER_CHARACTERS = /^[\s()+\-./\d]+$/;

/** True when the text is a number, however it is written: "(773) 555-0102", "+1 773 555 0102". */
export function looksLikeNumber(text: string): boolean {
  return NUMBER_CHARACTERS.test(text.trim()) && /\d/.test(text);
}

/** "+17735550102" for "(773) 555-0102", "773-555-0102", "1 773 555 0102" or "+1 (773) 555-0102"; undefined when it is not a whole number. */
export function toE164(text: string): string | undefined {
  const trimmed = text.trim();
  if (!looksLikeNumber(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
  if (digits.startsWith('00') && digits.length >= 9 && digits.length <= 17) return `+${digits.slice(2)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return undefined;
}

/**
 * What History asks the server for: a whole number in E.164 (the form the server keeps), part of
 * one as its digits (the server matches part of a number), a name as typed.
 */
export function searchTerm(text: string): string {
  const trimmed = text.trim();
  if (!looksLikeNumber(trimmed)) return trimmed;
  return toE164(trimmed) ?? `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}
