/**
 * Page chrome: the lines a scrape picks up around the articles — navigation, share and comment
 * widgets, newsletter forms, tickers, result counters, photo credits, image file names. Rules
 * describe kinds of chrome as whole lines; none is tied to one site's wording more than needed.
 *
 * Two kinds matter downstream:
 * - `boundary`: a widget or section heading ("Related Articles", "Comments", "MORE NEWS"); what
 *   follows belongs to something else, so the article above ends here.
 * - inline chrome: noise inside or between articles (a caption, "Advertisement", a form field);
 *   dropped, and the article around it goes on.
 */
export interface ChromeMatch {
  /** What kind of chrome, for the page notes ("ticker", "newsletter form"). */
  what: string;
  boundary: boolean;
}

import { counterPatterns, isCounterLine } from './counterLine.js';

type Rule = [RegExp, string];

/** Section headings and widgets that close whatever article came before. */
const boundaryRules: Rule[] = [
  [/^(?:related|recommended|similar|suggested)\s+(?:articles?|stories|posts|news|content|reading|coverage)\s*:?$/i, 'related-articles heading'],
  [/^(?:more|other|latest|top|trending|popular|most\s+(?:read|popular|viewed|shared))(?:\s+(?:news|stories|articles|headlines|posts|videos|reads))?\s*:?$/i, 'section heading'],
  // "More from Eurasianet", "Latest in Central Asia": a name follows, so capitals are checked (no `i`).
  [/^(?:More|MORE|Other|OTHER|Latest|LATEST)\s+(?:from|on|in|FROM|ON|IN)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u, 'section heading'],
  [/^(?:news\s*feed|live\s+updates?|latest\s+updates?|breaking\s+news|(?:news\s+)?in\s+brief|read\s+next|up\s+next|what\s+to\s+read\s+next|don['’]t\s+miss|also\s+read|see\s+also|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in))\s*:?$/i, 'section heading'],
  [/^editor(?:s['’]?|['’]s)\s+(?:picks?|choice|selection)$/i, 'section heading'],
  [/^(?:\d+\s+)?(?:comments?|coment[áa]rios?|commentaires?|kommentare?|commenti|комментарии|评论|評論|コメント)\s*(?:\(\d+\))?$|^(?:no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:conversation|discussion)|(?:show|view|load)\s+comments)\s*[.!…]*$/i, 'comments widget'],
  // "Post a comment", "There are 7 comments", "2 comments on “Title”": a comment thread's heading
  // (a bare "2 responses" is the header's link to the thread).
  [/^(?:post\s+(?:a|your)\s+comment|there\s+(?:are|is)\s+\d+\s+(?:comments?|responses?|replies)|\d+\s+(?:comments?|responses?|replies)\s+(?:on|to)\s+.{1,60})\s*[.!…:]*$/i, 'comments widget'],
  [/^(?:hashtags|tags|topics|keywords|filed\s+under|categories)\s*:?$/i, 'tags widget'],
  [/^(?:newsletters?|our\s+newsletters?|sign\s+up\s+for\s+our\s+newsletters?)$/i, 'newsletter form'],
  [/^(?:try|explore|discover)\s+(?:our\s+)?ai(?:\s+\S+){0,3}$/i, 'AI widget'],
];

/** Noise dropped wherever it stands. */
const inlineRules: Rule[] = [
  // One skip link, or several a scrape glued together ("Skip to contentSkip to search").
  [/^(?:skip\s+to\s+(?:the\s+)?(?:main\s+|primary\s+|secondary\s+)?(?:content|navigation|menu|search)\s*)+$/i, 'navigation'],
  [/^jump\s+to:?\s+(?:navigation|content|search)(?:[,\s]+(?:jump\s+to:?\s+)?(?:navigation|content|search))*$/i, 'navigation'],
  [/^(?:edit\s+(?:post|page|article|this)|menu|search|home|log\s*in|log\s*out|sign\s*in|register|close|open\s+menu|back|back\s+to\s+top|print|e-?mail|copy\s+link|link\s+copied|share|tweet)$/i, 'navigation'],
  [/^(?:facebook|twitter|x|telegram|whatsapp|linkedin|reddit|vk|threads|bluesky|instagram|youtube|tiktok|rss|flipboard)$/i, 'share widget'],
  [/^(?:follow\s+us(?:\s+on\s+.{1,40})?|share\s+(?:this|on)\b.{0,40}|share\s+(?:article|story|post))$/i, 'share widget'],
  [/^(?:advertisement|advertising|sponsored(?:\s+content)?|promoted|partner\s+content|ad)$/i, 'advertisement'],
  // A cookie or consent banner's buttons and an app banner's prompts, in a few languages.
  [/^(?:(?:accept|allow|reject|decline|refuse)(?:\s+all)?(?:\s+(?:cookies|and\s+close|and\s+continue))?|manage\s+(?:cookies|preferences|consent|options)|cookie\s+(?:settings|preferences)|(?:privacy|consent)\s+settings|i\s+(?:agree|accept)|got\s+it!?|no,?\s+thanks|(?:alle\s+)?akzeptieren|alle\s+ablehnen|(?:tout\s+)?accepter|tout\s+refuser|aceptar(?:\s+todo|\s+todas)?|rechazar(?:\s+todo)?|accetta(?:\s+tutto)?|rifiuta(?:\s+tutto)?|aceitar(?:\s+todos)?|принять(?:\s+все)?|同意(?:する)?|接受|全部接受|すべて(?:同意|許可)|모두\s?동의)$/i, 'cookie notice'],
  [/^(?:open\s+in\s+(?:the\s+)?app|get\s+the\s+app|download\s+(?:the|our)\s+(?:\S+\s+)?app|use\s+the\s+app|continue\s+in\s+(?:the\s+)?(?:browser|app)|view\s+in\s+(?:the\s+)?app|(?:in\s+der\s+)?app\s+(?:öffnen|herunterladen)|ouvrir\s+dans\s+l['’]application|abrir\s+en\s+la\s+app|アプリで(?:開く|読む)|在\s?app\s?(?:中|内)?打开|打开\s?app)$/i, 'app banner'],
  // The article's tool bar in other languages: print, share, font size, bookmark.
  [/^(?:(?:artikel|beitrag|seite|статью|новость)\s+)?(?:imprimir|imprimer|drucken|stampa|печать|распечатать|версия\s+для\s+печати|compartir|compartilhar|partager|teilen|condividi|поделиться|сохранить|guardar|enregistrer|speichern|merken)(?:\s+(?:este|esta|el|la|cet|cette|ce|den|diesen|dieses|l['’]|статью|новость))?(?:\s+(?:art[íi]culo|noticia|not[íi]cia|article|artikel|articolo|beitrag))?$/i, 'share widget'],
  [/^(?:分享(?:到|至)?[:：]?.{0,12}|打印(?:本页|本文|此页)?|[【\[［(（]?字[号體体][:：]?.{0,12}[】\]］)）]?|收藏(?:本文)?|转发(?:本文)?|印刷(?:する)?|シェア(?:する)?|ツイート|この記事を(?:シェア|印刷)(?:する)?|ブックマーク|공유(?:하기)?|인쇄(?:하기)?|스크랩)$/, 'share widget'],
  // An article's own tools as links: "Print this article", "Email this story", "Edit on GitHub", "Report an error".
  [/^(?:print|e-?mail|share|save|edit|cite|download|bookmark)(?:\s+(?:this|the))?\s+(?:article|story|page|post|entry|item|pdf|source)(?:\s+(?:on|via|to|as)\s+.{1,30})?$|^edit\s+(?:on|in)\s+\S.{0,30}$|^(?:view|edit)\s+(?:source|history)$|^(?:report|suggest|submit)\s+(?:an?\s+)?(?:error|correction|typo|mistake)$|^reprints?\s+(?:&|and)\s+permissions$/i, 'navigation'],
  // Notes that interrupt the article and point past themselves: "Continue reading the story below", "Story continues below advertisement".
  [/^(?:continue\s+reading\s+(?:the\s+)?(?:main\s+)?(?:story|article)(?:\s+below)?|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|click\s+here(?:\s+(?:to|for)\s+\S.{0,60})?|(?:please\s+)?enable\s+javascript\b.{0,80}|loading\s*(?:\.\.\.|…)?)$/i, 'navigation'],
  // Subscribe, follow and log-in prompts in other languages and scripts ("Abonnez-vous ...", "Síguenos en X", "Подписаться", "登录").
  [/^(?:suscr[ií]be(?:te)?|suscr[ií]bete\s+a|abonnez-vous|abonnieren|jetzt\s+abonnieren|abbonati|assine(?:\s+j[aá])?|подписаться|оформить\s+подписку|订阅|訂閱|購読(?:する)?|구독(?:하기)?)(?:\s.{0,100})?$/i, 'newsletter form'],
  [/^(?:s[ií]guenos|suivez[-\s]nous|suivre\s+\S.{0,30}\s+sur\s+(?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|telegram|whatsapp|bluesky|threads|les\s+r[ée]seaux\s+sociaux)|folgen\s+sie\s+uns|folge\s+uns|seguici|siga-nos|siga\s+(?:a|o)\s+\S+(?:\s+\S+)?|следите\s+за\s+нами|关注我们|フォローする|팔로우(?:하기)?)(?:\s+(?:en|sur|auf|su|no|nas|в)\s+.{1,40})?$/i, 'share widget'],
  [/^(?:iniciar\s+sesi[oó]n|inicia\s+sesi[oó]n|se\s+connecter|connexion|anmelden|einloggen|accedi|entrar|войти|вход|登录|登入|ログイン|로그인)$/i, 'navigation'],
  [/^(?:(?:image|photo|video)\s+)?placeholder$|^(?:play|watch)\s+(?:the\s+)?video$|^(?:your\s+)?video\s+(?:will\s+play|is\s+loading|player\s+is\s+loading)\b.{0,30}$|^close\s+(?:menu|navigation|search)$|^log\s*in\s+log\s*out$/i, 'navigation'],
  // "Continue reading" in other languages, a link past the cut: dropped, whatever follows is kept.
  [/^(?:seguir\s+leyendo|leer\s+m[aá]s|continuar\s+leyendo|lire\s+la\s+suite|lire\s+plus|weiterlesen|mehr\s+lesen|continua\s+a\s+leggere|leggi\s+tutto|continuar\s+lendo|leia\s+mais|читать\s+далее|читать\s+полностью|阅读全文|查看全文|展开全文|閱讀全文|続きを読む|もっと読む|더\s?보기|계속\s?읽기)\s*[.…»›→>:]*$/i, 'navigation'],
  // A series' or a serial's navigation: "Part 2 of the Lake Crossings series", "← Previous Work", "Next Chapter →", "Chapter 3 of 12".
  [/^(?:part\s+\d+\s+of\s+(?:the\s+)?.{1,80}?\s+series\b.{0,40}|(?:[←«‹<]\s*)?(?:previous|prev|next)\s+(?:work|chapter|part|episode|entry|installment|instalment)(?:\s*[→»›>])?|(?:chapter|part|episode)\s+\d+\s+of\s+\d+)$/i, 'series navigation'],
  // "Image 3 of 12", "Photo 1 of 5": a gallery's counter; a bare "Image", "Caption", "Expand" is a control's label.
  [/^(?:image|photo|picture|slide)\s+\d+\s+(?:of|\/)\s+\d+$|^(?:image|photo|picture|caption|expand|collapse|edit|more)$/i, 'navigation'],
  // Image and editor controls a scrape keeps as text: "Image caption" with no caption, "Enlarge this image", "Edit post".
  [/^(?:(?:image|media|photo|video)\s+caption|add\s+(?:a\s+)?caption|(?:toggle|hide|show)\s+caption|enlarge\s+(?:this\s+)?(?:image|photo)|click\s+to\s+(?:enlarge|expand|zoom)|expand\s+(?:image|photo)|view\s+(?:larger|full(?:-size)?)\s+(?:image|photo)|toggle\s+navigation|(?:font|text)\s+size|add\s+new|save\s+(?:for\s+later|article|story)|bookmark(?:\s+(?:this|article))?|gift\s+(?:this\s+)?article)$/i, 'navigation'],
  [/^(?:this|the)\s+(?:audio|article|text|summary|translation|narration)\s+(?:is|was|has\s+been)\s+(?:created|generated|narrated|produced|translated|read|voiced)\s+(?:with|by|using)\b.*\b(?:ai|artificial\s+intelligence)\b.*$/i, 'AI notice'],
  [/^(?:listen\s+to\s+(?:this\s+)?(?:article|story)|listen)(?:\s*[:·•-]?\s*\d+\s*min(?:ute)?s?)?$/i, 'audio player'],
  [/^\d+\s*min(?:ute)?s?\s+read$/i, 'reading time'],
  // A summary box's label over its bullet points ("Key points", "At a glance", "En bref"): no headline, no name.
  [/^(?:key\s+(?:highlights|points|takeaways|facts)|(?:story\s+)?highlights|at\s+a\s+glance|in\s+short|tl;?\s?dr|what\s+you\s+need\s+to\s+know|das\s+wichtigste\s+in\s+kürze|l['’]essentiel|en\s+bref|lo\s+esencial|главное|要点|摘要|ポイント)\s*:?$/i, 'summary label'],
  [/^(?:explore|discover)\s+what\s+.{1,40}\s+can\s+do\s+for\s+you\s*[:.!]?$/i, 'AI widget'],
  // Newsletter forms repeat these a dozen times.
  [/^\*\s*(?:indicates\s+required(?:\s+field)?|required(?:\s+field)?)$/i, 'newsletter form'],
  [/^(?:please,?\s+)?enter\s+(?:your\s+|a\s+|an\s+)?(?:correct\s+|valid\s+)?e-?mail\b.{0,60}$/i, 'newsletter form'],
  [/^(?:your\s+)?e-?mail(?:\s+address)?\s*\*?:?$/i, 'newsletter form'],
  [/^success\w*\s+(?:subscribed|signed\s+up)\b.{0,40}$/i, 'newsletter form'],
  [/^thanks?(?:\s+you)?\s+for\s+(?:signing\s+up|subscribing)\b.{0,200}$/i, 'newsletter form'],
  [/^(?:subscribe|sign\s+up)\b.{0,300}$/i, 'newsletter form'],
  [/^(?:by\s+)?(?:signing\s+up|subscribing),?\s+you\s+agree\b.{0,200}$/i, 'newsletter form'],
  // Links to other stories set inside an article ("Read also: ...", "RELATED: ...").
  [/^(?:(?:read|see)\s+(?:also|more)|also\s+read|related|more|watch|listen|explainer)\s*[:|].{0,200}$/i, 'link teaser'],
  // Photo credits and image captions that announce themselves.
  [/^(?:top\s+|main\s+|header\s+|featured\s+|cover\s+|lead\s+)?(?:photo|image|picture|video|illustration|graphic|photograph)s?(?:\s+credits?)?\s*:.{0,400}$/i, 'photo credit'],
  [/^(?:credits?|pictured|source\s+of\s+(?:the\s+)?(?:photo|image))\s*:.{0,300}$/i, 'photo credit'],
  [/^\([^()]{1,100}\)$/, 'photo credit'],
  [/^all\s+rights\s+reserved\.?$/i, 'copyright'],
];

/**
 * The rules `startGate` holds: anchored at the line's start, and case-insensitive or free of
 * cased letters (the gate is, so a rule matches alone just when its part of the gate does).
 * The others (`loose`) are asked of every line. One gate for all (most lines start no rule):
 * each big alternation costs its thread milliseconds to compile, so there is no second one per list.
 */
const caseFree = (source: string) => !/[A-Za-z]/.test(source.replace(/\\[sSdDwWbB]/g, ''));
const gated = ([re]: Rule) => (re.flags === 'i' || (re.flags === '' && caseFree(re.source))) && re.source.startsWith('^');
const looseOf = (rules: Rule[]) => rules.filter((rule) => !gated(rule)).map(([re]) => re);
const boundaryLoose = looseOf(boundaryRules);
const inlineLoose = looseOf(inlineRules);
/** The gated rules in the gate's order (the boundary list's, then the inline list's), and each rule's place there (-1: loose). */
const gatedRules = [...boundaryRules, ...inlineRules].filter(gated);
const boundaryGated = boundaryRules.filter(gated).length;
const boundaryAt = boundaryRules.map((rule) => gatedRules.indexOf(rule));
const inlineAt = inlineRules.map((rule) => gatedRules.indexOf(rule));
const ruleMarks = gatedRules.map((_, k) => `r${k}`);

/** "(Michael Kappeler/Picture Alliance via Getty Images)", "(Gage Skidmore/Flickr)" at the end of a line. */
// No `i` flag: \p{Lu} must mean a capital, so "(Gage Skidmore/Flickr)" is a credit and
// "(the CIA/MI6 coup)" is not.
const creditParenthetical = /\((?:[^()]*\/[^()]*\bvia\s+[^()]+|(?:[Pp]hoto|[Ii]mage)s?\s+via\s+[^()]+|[^()]*\b(?:Getty|Shutterstock|shutterstock|Flickr|Reuters|REUTERS|AFP|AP Photo|EPA|Sputnik|TASS|Anadolu|Alamy|Wikimedia|Unsplash|Pool|[Pp]ress [Ss]ervice)\b[^()]*|\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s?\/\s?[^()]{2,60}|[^()\s]+\.(?:ru|com|org|kz|uz|kg|tj|tm|ua|az|am|ge|gov|net)(?:\/[^()]*)?)\)$/u;

/** An image caption: a line (or line end) carrying a photo credit, in parentheses or after "Credit:". */
export function isCaptionLine(line: string): boolean {
  // The parenthetical closes the line; the trailing credit has a colon or the word "Credit" (tested first: most lines have neither).
  const tail = line.length > 400 ? '' : line.slice(-80);
  return (line.endsWith(')') && tail !== '' && creditParenthetical.test(line)) || ((tail.includes(':') || tail.includes('Credit')) && trailingCredit.test(tail));
}

/** "... on the day after the takeover Credit: CITY GAZETTE", "... in Kabul. Photograph: Jane Doe/AP", "... on Tuesday. Credit Jane Doe for Lake Notes": a caption's credit at its end. */
const trailingCredit = /\s(?:Credits?|Photograph|Photo|Picture|Image)\s?:\s*\p{Lu}[^.!?:]{1,60}$|[.!?]["”’]?\s+Credits?\s+\p{Lu}[^.!?:]{1,60}$/u;

/** Currency and market tickers: figures, codes and signs, no running words ("• KGS/USD = 0.01144 0%"). */
export function isTickerLine(line: string): boolean {
  if (line.length > 200 || !/\d/.test(line) || /\p{Ll}{3,}/u.test(line)) return false;
  return /[=%$€£¥₽₸]|\b\p{Lu}{3}\s*\/\s*\p{Lu}{3}\b/u.test(line);
}

/** Image file names left where the image was ("1600px-kassym-jomart_tokayev_2019-04-03_03"). */
export function isImageFileName(line: string): boolean {
  if (line.length < 6 || line.length > 200 || /\s/.test(line)) return false;
  return /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i.test(line) || (/_/.test(line) && /^[\w.,()-]+$/.test(line)) || /^\d+px-/i.test(line);
}

/**
 * Markup a scrape left as text: a tracking pixel or an embed as one lone tag (`<img src="..."
 * style="display:none">`), or an ad slot a text browser printed as "[INS:word:INS] [INS:word:INS] ...".
 * Code in an article about HTML (a document, several tags) stays text.
 */
export function isLeakedMarkup(line: string): boolean {
  if (line.startsWith('<') && line.length >= 60 && /^<(?:img|iframe)\s[^<]*\bsrc=[^<]*>$/i.test(line)) return true;
  let ins = 0;
  for (let at = line.indexOf('[INS:'); at >= 0 && ins < 3; at = line.indexOf('[INS:', at + 5)) ins++;
  return ins >= 3;
}

const slideCounter = /^(?:[•▪*·]\s*)?(\d{1,3})\s?\/\s?(\d{2,3})\s+\S/u;

/**
 * A slide of a photo gallery ("• 12/50 Airport put up for sale", its caption under it): the
 * gallery is the site's, after the article; a fraction in a recipe ("3/4 cup") counts too few.
 */
export function isGallerySlide(line: string): boolean {
  const m = slideCounter.exec(line);
  return m !== null && Number(m[2]) >= 10 && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}

/** Lines of hashtags only ("#Kazakhstan #Russia"). */
export function isHashtagLine(line: string): boolean {
  return /^#[\p{L}\p{N}_]+(?:[\s,]+#[\p{L}\p{N}_]+)*$/u.test(line);
}

/** A comment's "Reply" link, with its counts ("• Reply", "924Reply", "3 12Reply <span ...>" when the scrape left its markup). */
const replyLink = /^(?:[•*]\s*)?(?:\d+\s*){0,3}repl(?:y|ies)(?:\s*<|\s*$)/i;

/** Whether a line is a comment's "Reply" link (see `replyLink`). */
export const isReplyLink = (line: string): boolean => replyLink.test(line);

/**
 * One pattern for every rule read from the line's start (most lines start none): the gated rules,
 * each followed by an empty group named after its place, the reply link, a gallery's counter,
 * result counters, hashtags (by their "#"). An alternation answers with its first alternative that
 * matches, so the group that took part names the first gated rule the line matches: the rules are
 * not asked (nor compiled) one by one.
 */
const startGate = new RegExp(`^(?:${[
  ...gatedRules.map(([re], k) => `(?:${re.source})(?<${ruleMarks[k]}>)`),
  ...[replyLink.source, slideCounter.source, ...counterPatterns.map((re) => re.source), '#'].map((src) => `(?:${src})`),
].join('|')})`, 'i');

/** The rule lists, in the order they are asked (for tests that ask them one by one). */
export const chromeRules: { readonly boundary: readonly Rule[]; readonly inline: readonly Rule[] } = { boundary: boundaryRules, inline: inlineRules };

/** The place in `gatedRules` of the first one the gate's match took (`gatedRules.length`: none, another start rule matched). */
function firstGated(m: RegExpExecArray | null): number {
  const groups = m?.groups;
  if (groups) for (let k = 0; k < ruleMarks.length; k++) if (groups[ruleMarks[k]!] !== undefined) return k;
  return gatedRules.length;
}

/** The chrome a line is, or null when it is not chrome by itself (it may still be by position). */
export function matchChrome(line: string): ChromeMatch | null {
  const m = startGate.exec(line);
  const start = m !== null;
  if (start && replyLink.test(line)) return { what: 'comments widget', boundary: true };
  if (line.length > 500) return null;
  // A gated rule matches when it is the first the gate found; the loose ones are asked. The
  // boundary rules come first in the gate, so when one of them was found (in a line too long for
  // them) the gate says nothing of the inline rules, which are then asked one by one.
  const first = firstGated(m);
  if (line.length <= 60 && (start || boundaryLoose.some((re) => re.test(line)))) {
    for (let k = 0; k < boundaryRules.length; k++) {
      const [re, what] = boundaryRules[k]!;
      const at = boundaryAt[k]!;
      if (at < 0 ? re.test(line) : at === first) return { what, boundary: true };
    }
  }
  if (start || inlineLoose.some((re) => re.test(line))) {
    const known = first >= boundaryGated;
    for (let k = 0; k < inlineRules.length; k++) {
      const [re, what] = inlineRules[k]!;
      const at = inlineAt[k]!;
      if (at < 0 || !known ? re.test(line) : at === first) return { what, boundary: false };
    }
  }
  if (isLeakedMarkup(line)) return { what: 'ad or tracking markup', boundary: false };
  if (start && isGallerySlide(line)) return { what: 'gallery slide', boundary: true };
  if (isTickerLine(line)) return { what: 'ticker', boundary: false };
  if (start && isCounterLine(line)) return { what: 'result counter', boundary: false };
  if (isImageFileName(line)) return { what: 'image file name', boundary: false };
  if (start && isHashtagLine(line)) return { what: 'hashtags', boundary: false };
  if (isCaptionLine(line)) return { what: 'photo caption', boundary: false };
  return null;
}
