/**
 * A video player's or a photo gallery's controls as a scrape prints them (the player's loading
 * notice, its play, pause and mute buttons, its time and duration, its dialog's start and end, "Now
 * playing", "Live video", "VIDEO 2:15", a gallery's "3 of 12", "Autoplay", "Skip Ad"): the line under them is the video's or the gallery's
 * title, not the article's headline.
 */
const playerControl = /^(?:video\s+player\s+is\s+loading\.?|play\s+video|play|pause|unmute|mute|(?:current|remaining)\s+time\b.{0,12}|duration\b.{0,12}|(?:loaded|progress)\s*:\s*\d+%|full\s*screen|playback\s+rate|stream\s+type\b.{0,12}|(?:beginning|end)\s+of\s+dialog\s+window\b.{0,60}|close\s+modal\s+dialog|this\s+is\s+a\s+modal\s+window\.?|autoplay|skip\s+ad|\d{1,3}\s+of\s+\d{1,3}|[×✕]|watch\s+live|live\s+video|now\s+playing|video\s*\d{1,2}:\d{2}\S*|\d{1,2}:\d{2}(?:\s*\/\s*\d{1,2}:\d{2})?)$/i;

/** How many non-blank lines above a candidate a player's control makes it the video's title. */
const playerReach = 4;

/** Line `i` stands right under a video player's controls. */
export function underVideoPlayer(lines: ReadonlyArray<{ text: string }>, i: number): boolean {
  for (let j = i - 1, seen = 0; j >= 0 && seen < playerReach; j--) {
    const t = lines[j]!.text;
    if (!t) continue;
    seen++;
    if (t.length <= 80 && playerControl.test(t.trim())) return true;
  }
  return false;
}
