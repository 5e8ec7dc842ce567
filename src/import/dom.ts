// Reading cheerio's DOM as a reader sees the page: visible text only, elements in document order.
import type { AnyNode, Element } from 'domhandler';

/** Collapses runs of space (newlines included) and non-breaking spaces to one space. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export function hasClass(element: Element, names: readonly string[]): boolean {
  const classes = (element.attribs.class ?? '').split(/\s+/);
  return names.some((name) => classes.includes(name));
}

export function isHidden(element: Element): boolean {
  return /display\s*:\s*none/i.test(element.attribs.style ?? '');
}

// Node types as strings: domhandler's ElementType enum is not a dependency of ours.
export function isElement(node: AnyNode): node is Element {
  const type = String(node.type);
  return type === 'tag' || type === 'script' || type === 'style';
}

export function isText(node: AnyNode): node is AnyNode & { data: string } {
  return String(node.type) === 'text';
}

/** The text a reader sees: footnote markers, sort keys, hidden spans and edit links left out. */
export function visibleText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (current: AnyNode): void => {
    if (isText(current)) {
      parts.push(current.data);
      return;
    }
    if (!isElement(current)) return;
    const name = current.name.toLowerCase();
    if (name === 'style' || name === 'script' || name === 'img') return;
    if (name === 'br') {
      parts.push(' ');
      return;
    }
    if (isHidden(current) || hasClass(current, ['reference', 'sortkey', 'mw-editsection', 'noprint'])) return;
    for (const child of current.children) walk(child);
  };
  walk(node);
  return oneLine(parts.join(''));
}

/** Every element below `node` (not `node` itself), in document order. */
export function descendants(node: Element): Element[] {
  const found: Element[] = [];
  const walk = (current: AnyNode): void => {
    if (!isElement(current)) return;
    for (const child of current.children) {
      if (isElement(child)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(node);
  return found;
}

export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (current: AnyNode): void => {
    if (isText(current)) parts.push(current.data);
    else if (isElement(current)) for (const child of current.children) walk(child);
  };
  walk(node);
  return oneLine(parts.join(''));
}
