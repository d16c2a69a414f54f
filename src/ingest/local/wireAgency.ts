/**
 * News agencies whose copy other outlets run ("© KYODO", "© 2025 AFP", "© Thomson Reuters 2025.").
 * Pages spell them many ways; one name per agency keeps sources comparable across pages.
 */
const agencies: Array<[RegExp, string]> = [
  [/^(?:thomson\s+)?reuters$/i, 'Reuters'],
  [/^kyodo(?:\s+news)?$/i, 'Kyodo'],
  [/^(?:afp|agence\s+france[-\s]presse)$/i, 'AFP'],
  [/^(?:the\s+)?(?:ap|associated\s+press)$/i, 'AP'],
  [/^(?:jiji|jiji\s+press)$/i, 'Jiji Press'],
  [/^yonhap(?:\s+news(?:\s+agency)?)?$/i, 'Yonhap'],
  [/^xinhua(?:\s+news\s+agency)?$/i, 'Xinhua'],
  [/^(?:tass|itar-tass)$/i, 'TASS'],
  [/^interfax(?:-ukraine|-kazakhstan)?$/i, 'Interfax'],
  [/^ria\s+novosti$/i, 'RIA Novosti'],
  [/^ukrinform$/i, 'Ukrinform'],
  [/^kazinform$/i, 'Kazinform'],
  [/^anadolu(?:\s+agency)?$/i, 'Anadolu Agency'],
  [/^(?:dpa|deutsche\s+presse-agentur)$/i, 'dpa'],
  [/^efe$/i, 'EFE'],
  [/^ansa$/i, 'ANSA'],
  [/^bloomberg(?:\s+news|\s+l\.?p\.?)?$/i, 'Bloomberg'],
  [/^(?:rfe\/rl|radio\s+free\s+europe\/radio\s+liberty)$/i, 'RFE/RL'],
];

/** The agency's usual name, or null when the text names no known agency. */
export function wireAgencyName(text: string): string | null {
  const bare = text.trim().replace(/[.,;]+$/, '');
  for (const [re, name] of agencies) if (re.test(bare)) return name;
  return null;
}

/**
 * A copyright holder as a readable name: a known agency's usual name, else the holder as written,
 * with SHOUTED names of five letters or more put in title case (short ones are acronyms).
 */
export function rightsHolderName(text: string): string {
  const bare = text.trim().replace(/[.,;]+$/, '');
  const agency = wireAgencyName(bare);
  if (agency) return agency;
  return bare.replace(/\b(\p{Lu})(\p{Lu}{4,})\b/gu, (_, first: string, rest: string) => first + rest.toLowerCase());
}
