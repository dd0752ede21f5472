/**
 * Plot renders into a DOM; on the server that DOM is linkedom's. This module owns that document and
 * the clean-up every chart needs before it is served: Plot's <style> would need the page's CSP
 * nonce, and its aria-label on plain <g> elements is rejected by axe.
 */
/** The document to pass to Plot as its `document` option (linkedom is loaded with the first chart). */
export async function loadPlotDocument(): Promise<Document> {
  const { parseHTML } = await import('linkedom');
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document;
}

export const chartFont = 'Arial, Helvetica, sans-serif';

export interface AccessibleSvgOptions {
  /** The accessible name: what the chart shows. */
  label: string;
  /** One or two sentences on what the data says, read after the name. */
  description?: string;
}

/**
 * Makes a Plot SVG safe to embed under a strict CSP and acceptable to axe, and returns it as text.
 * The caller styles charts from its own stylesheet, e.g. `.app-chart svg { max-width: 100%; height: auto; }`.
 */
export function finishSvg(node: Element, options: AccessibleSvgOptions): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot did not return an SVG');
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    if (el.tagName.toLowerCase() === 'g') {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    el.removeAttribute('style');
    // Plot's markers refer to a CSS variable set by the <style> just removed.
    for (const name of ['stroke', 'fill']) {
      if (el.getAttribute(name) === 'var(--plot-background)') el.setAttribute(name, '#ffffff');
    }
  }
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.label);
  // Set here rather than through Plot's `style` option, which becomes a style attribute (CSP).
  svg.setAttribute('font-family', chartFont);
  svg.setAttribute('font-size', '12');
  svg.removeAttribute('aria-description');
  const document = svg.ownerDocument;
  if (options.description) {
    const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
    desc.textContent = options.description;
    svg.insertBefore(desc, svg.firstChild);
  }
  // <title> first: SVG readers and tooltips take the name from it where aria-label is ignored.
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = options.label;
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}
