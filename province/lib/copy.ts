/**
 * Copies a secret shown once (an enrolment code, a temporary password) from its read-only input. The clipboard
 * API exists only in a secure context (HTTPS, localhost); a hub reached over plain HTTP on the province's network
 * has none, so the text is selected and the old copy command tried: 'copied' when it worked, else 'selected'
 * (the page then says "press Ctrl+C").
 */
export async function copyFromInput(input: HTMLInputElement): Promise<'copied' | 'selected'> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(input.value);
      return 'copied';
    } catch {
      /* refused: select instead */
    }
  }
  input.focus();
  input.select();
  try {
    return document.execCommand('copy') ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}
