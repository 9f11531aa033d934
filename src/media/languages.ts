const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** BCP 47 tags we accept for subtitle tracks: en, ko, pt-BR, zh-Hant. */
export const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** "English" for "en": the label a reader sees in the player's subtitle menu. */
export function languageLabel(lang: string): string {
  try {
    return languageNames.of(lang) ?? lang;
  } catch {
    return lang;
  }
}
