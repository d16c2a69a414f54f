/**
 * A row of an interface's button and link labels printed as one line, glued or spaced ("Draft
 * Cancel Publish update", "Fork raw copy download embed", "Share Save More"): every word is such a label, so the line is controls, not a headline. Two words at least;
 * the words are an editor's, a share bar's, a code host's, a player's and a dialog's controls.
 */
const labels = new Set(
  (
    'accept account add agree all apply back bookmark cancel change changes clone close collapse comment comments confirm continue copied copy ' +
    'delete dismiss done download draft edit email embed expand featured feedback follow fork forward full help hide home ' +
    'in like link list load log login logout menu more mute next no ok open options out pause pin play post preview previous print ' +
    'private public publish raw read register reject remove reply report reset retry save screen search see send settings share ' +
    'show sign skip star subscribe thanks top tweet undo unlisted unmute up update upload view watch'
  ).split(' '),
);

const firstWord = /\p{L}+/u;

export function isInterfaceRow(text: string): boolean {
  if (text.length > 80) return false;
  const lower = text.toLowerCase();
  // Its first word first: on most lines it is no label, and then no list of all its words is made.
  const first = firstWord.exec(lower);
  if (!first || !labels.has(first[0])) return false;
  const words = lower.match(/\p{L}+/gu);
  if (!words || words.length < 2 || words.length > 10) return false;
  return words.every((w) => labels.has(w));
}
