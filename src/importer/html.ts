import { type HTMLElement, NodeType, parse } from 'node-html-parser';
import { type Block, tableSentences } from './blocks.js';
import { collapseSpaces } from './text.js';

/** Elements that are site chrome or not text at all. */
const DROP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'button',
  'select',
  'object',
  'canvas',
];
const DROP_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog'];
/** class/id words that mark chrome inside the article (share bars, related links, ads). */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|share|social|related|comments?|cookie|advert|ads?|newsletter|subscribe|promo|pagination|toc|table-of-contents|author|author-box|byline|feedback|consent|rating|header|footer|copyright)(?:$|[\s_-])/i;
const BLOCK_TAGS = new Set(['p', 'li', 'blockquote', 'pre', 'dd', 'dt', 'figcaption', 'td', 'th']);
const HEADING = /^h[1-6]$/;
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tr',
  'figure',
  'body',
  'html',
]);
const CONTAINER_SET = new Set([
  'p',
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Tags whose end tag is optional or absent in valid HTML. */
const NO_END_TAG = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  '!doctype',
  'html',
  'head',
  'body',
  'tbody',
  'thead',
]);
/** node-html-parser slows down quadratically with unclosed elements; no saved page has this many. */
export const MAX_UNCLOSED_TAGS = 500;

/** How many elements are opened but never closed (a malformed or hostile page). */
export function unclosedTags(html: string): number {
  let open = 0;
  for (const match of html.matchAll(/<(\/?)([a-z][a-z0-9]*)/gi)) {
    const name = (match[2] ?? '').toLowerCase();
    if (NO_END_TAG.has(name)) continue;
    open += match[1] === '/' ? -1 : 1;
  }
  return Math.max(0, open);
}

export interface HtmlArticle {
  readonly blocks: Block[];
  /** From <link rel="canonical"> or og:url, when the page has one. */
  readonly url?: string;
}

/** Line number of an offset, from the line starts counted once. */
function lineFinder(html: string): (element: HTMLElement) => number {
  const starts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  return (element) => {
    const offset = element.range[0];
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Deeper nesting than this is read as plain text: no real article nests so deep. */
const MAX_DEPTH = 100;

/** Elements that hold block content somewhere inside, found in one pass (not one search per element). */
function blockHolders(root: HTMLElement): Set<HTMLElement> {
  const holders = new Set<HTMLElement>();
  const stack: { el: HTMLElement; done: boolean }[] = [{ el: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const children = top.el.childNodes.filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE);
    if (!top.done) {
      stack.push({ el: top.el, done: true });
      for (const child of children) stack.push({ el: child, done: false });
      continue;
    }
    if (children.some((c) => holders.has(c) || CONTAINER_SET.has(c.tagName.toLowerCase())))
      holders.add(top.el);
  }
  return holders;
}

/**
 * A saved web page to blocks: the <article> (else <main>, else <body>) without navigation, header,
 * footer, sidebars, scripts and forms. The page's <h1> (or <title>) leads as the title heading.
 */
export function htmlToBlocks(html: string): HtmlArticle {
  const root = parse(html, { comment: false });
  const canonical =
    root.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    root.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const body =
    root.querySelector('article') ??
    root.querySelector('main') ??
    root.querySelector('[role="main"]') ??
    root.querySelector('body') ??
    root;
  const h1 = body.querySelector('h1') ?? root.querySelector('h1');
  const pageTitle = root.querySelector('title')?.text;
  const title = collapseSpaces(h1?.text ?? (pageTitle ?? '').replace(/\s[|–—-]\s[^|–—-]*$/, ''));

  for (const tag of DROP_TAGS) for (const el of body.querySelectorAll(tag)) el.remove();
  for (const role of DROP_ROLES) for (const el of body.querySelectorAll(`[role="${role}"]`)) el.remove();
  for (const el of body.querySelectorAll('[class], [id]')) {
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_WORDS.test(marks) && !el.querySelector('h1')) el.remove();
  }

  const lineOf = lineFinder(html);
  const holders = blockHolders(body);
  const blocks: Block[] = [];
  const push = (kind: Block['kind'], raw: string, line: number): void => {
    const text = collapseSpaces(raw);
    if (text.length > 0) blocks.push({ kind, text, line });
  };
  const walk = (el: HTMLElement, depth: number): void => {
    // Runs of text and inline elements (<b>, <a>, <span>) form one paragraph.
    let inline = '';
    let inlineLine = 0;
    const flush = (): void => {
      push('paragraph', inline, inlineLine);
      inline = '';
    };
    for (const node of el.childNodes) {
      if (node.nodeType === NodeType.TEXT_NODE) {
        if (inline.trim().length === 0) inlineLine = 0;
        inline += node.text;
        continue;
      }
      if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
      const child = node as HTMLElement;
      const tag = child.tagName.toLowerCase();
      if (tag === 'br') {
        flush();
      } else if (tag === 'table') {
        // One sentence per row, each cell under its column's heading (see tableSentences).
        flush();
        const rows = child
          .querySelectorAll('tr')
          .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text));
        for (const text of tableSentences(rows)) push('paragraph', text, lineOf(child));
      } else if (HEADING.test(tag)) {
        flush();
        push('heading', child.text, lineOf(child));
      } else if (!BLOCK_TAGS.has(tag) && !holders.has(child) && !CONTAINER_TAGS.has(tag)) {
        if (inline.trim().length === 0) inlineLine = lineOf(child);
        inline += ` ${child.text} `;
      } else if ((BLOCK_TAGS.has(tag) && !holders.has(child)) || depth >= MAX_DEPTH) {
        flush();
        push('paragraph', child.text, lineOf(child));
      } else {
        flush();
        walk(child, depth + 1);
      }
    }
    flush();
  };
  walk(body, 0);
  // The title may have sat in a header that was dropped as chrome.
  if (title.length > 0 && !blocks.some((b) => b.kind === 'heading' && b.text === title)) {
    blocks.unshift({ kind: 'heading', text: title, line: h1 === null ? 0 : lineOf(h1) });
  }
  return canonical === undefined || canonical.trim() === '' ? { blocks } : { blocks, url: canonical.trim() };
}
