/**
 * The chrome rules as data: each a pattern for a whole line and the kind of chrome it names
 * (see chromeLine, which asks them; the boundary rules only of lines up to 60 characters).
 */
export type Rule = [RegExp, string];

/** Section headings and widgets that close whatever article came before. */
export const boundaryRules: readonly Rule[] = [
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
export const inlineRules: readonly Rule[] = [
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
