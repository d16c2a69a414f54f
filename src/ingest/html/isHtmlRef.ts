/** `.html`, `.htm` (any case): the pages read as HTML. */
export const isHtmlRef = (ref: string) => /\.html?$/i.test(ref);
