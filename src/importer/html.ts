import { type HTMLElement, NodeType, parse } from 'node-html-parser';
import type { Block } from './blocks.js';
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
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|share|social|related|comments?|cookie|advert|ads?|newsletter|subscribe|promo|pagination)(?:$|[\s_-])/i;
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
const CONTAINERS = 'p, div, section, ul, ol, dl, table, li, blockquote, h1, h2, h3, h4, h5, h6';

export interface HtmlArticle {
  readonly blocks: Block[];
  /** From <link rel="canonical"> or og:url, when the page has one. */
  readonly url?: string;
}

function lineOf(html: string, element: HTMLElement): number {
  return html.slice(0, element.range[0]).split('\n').length;
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

  const blocks: Block[] = [];
  const push = (kind: Block['kind'], raw: string, line: number): void => {
    const text = collapseSpaces(raw);
    if (text.length > 0) blocks.push({ kind, text, line });
  };
  const walk = (el: HTMLElement): void => {
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
      } else if (HEADING.test(tag)) {
        flush();
        push('heading', child.text, lineOf(html, child));
      } else if (
        !BLOCK_TAGS.has(tag) &&
        child.querySelector(CONTAINERS) === null &&
        !CONTAINER_TAGS.has(tag)
      ) {
        if (inline.trim().length === 0) inlineLine = lineOf(html, child);
        inline += ` ${child.text} `;
      } else if (BLOCK_TAGS.has(tag) && child.querySelector(CONTAINERS) === null) {
        flush();
        push('paragraph', child.text, lineOf(html, child));
      } else {
        flush();
        walk(child);
      }
    }
    flush();
  };
  walk(body);
  // The title may have sat in a header that was dropped as chrome.
  if (title.length > 0 && !blocks.some((b) => b.kind === 'heading' && b.text === title)) {
    blocks.unshift({ kind: 'heading', text: title, line: h1 === null ? 0 : lineOf(html, h1) });
  }
  return canonical === undefined || canonical.trim() === '' ? { blocks } : { blocks, url: canonical.trim() };
}
