import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { XmlDocument, type XmlElement } from 'xmldoc';
import {
  formatValue,
  lineChart,
  ragHistoryChart,
  seriesColours,
  sparkline,
  type LineChartInput,
  loadCharts,
} from './charts.ts';
import { contrastRatio } from './colour.ts';

// Charts load on first use (not at start); tests that draw directly load them first.
before(() => loadCharts());

const seen: LineChartInput = {
  title: 'Cared for children seen within timescales',
  unit: '%',
  target: 90,
  series: [
    {
      name: 'Tameside',
      points: [
        { period: '2024-05', value: null, note: 'x' },
        { period: '2024-06', value: 87 },
        { period: '2024-07', value: 83 },
      ],
    },
    {
      name: 'Statistical neighbours',
      points: [
        { period: '2024-06', value: 85 },
        { period: '2024-07', value: 86 },
      ],
    },
  ],
  annotations: [{ period: '2024-06', text: 'Dashboard & <live>' }],
};

const rag = {
  title: 'RAG status by meeting',
  meetings: ['2024-07-09', '2024-09-10'],
  scale: [
    { code: 'amber', label: 'Amber (At Risk)', colour: '#ffbf47' },
    { code: 'green', label: 'Green (On Plan)', colour: '#00703c' },
  ],
  priorities: [
    { name: '1. Quality of Practice', ratings: ['amber', 'amber'] },
    { name: '4. Leadership and Workforce', ratings: [null, 'green'] },
  ],
};

/** What axe and a strict CSP need of every chart, checked on the parsed (hence well-formed) SVG. */
function assertAccessibleSvg(svg: string, label: string): XmlDocument {
  const doc = new XmlDocument(svg);
  assert.equal(doc.name, 'svg');
  assert.equal(doc.attr.xmlns, 'http://www.w3.org/2000/svg');
  assert.equal(doc.attr.role, 'img');
  assert.equal(doc.attr['aria-label'], label);
  assert.equal(doc.childNamed('title')?.val, label);
  assert.equal(doc.descendantsNamed('style').length, 0, 'inline <style> needs a CSP nonce');
  const everything = (el: XmlElement): XmlElement[] => [
    el,
    ...el.children.filter((c): c is XmlElement => c.type === 'element').flatMap(everything),
  ];
  for (const el of everything(doc)) {
    assert.equal(el.attr.style, undefined, `style attribute on <${el.name}>`);
    if (el.name === 'g') assert.equal(el.attr['aria-label'], undefined, '<g aria-label> is rejected by axe');
  }
  assert.ok(!svg.includes('var(--plot-background)'));
  return doc;
}

test('line chart: accessible, well-formed SVG and its data as a table', (t) => {
  const started = performance.now();
  const chart = lineChart(seen);
  t.diagnostic(`line chart rendered in ${(performance.now() - started).toFixed(1)} ms`);
  const doc = assertAccessibleSvg(chart.svg, 'Cared for children seen within timescales');
  assert.match(doc.childNamed('desc')?.val ?? '', /Tameside: from 87% in June 2024 to 83% in July 2024\./);
  assert.ok(chart.svg.includes('Dashboard &amp; &lt;live&gt;'), 'annotation text escaped');
  assert.deepEqual(chart.table, {
    caption: 'Cared for children seen within timescales',
    head: ['Period', 'Tameside', 'Statistical neighbours', 'Target'],
    rows: [
      ['May 2024', 'x', 'No data', '90%'],
      ['June 2024', '87%', '85%', '90%'],
      ['July 2024', '83%', '86%', '90%'],
    ],
  });
});

test('line chart: series differ by dash and marker, not colour alone; labels are direct', () => {
  const svg = lineChart(seen).svg;
  assert.match(svg, /stroke-dasharray="8,4"/);
  // Plot draws a circle for the first series' markers and a path symbol for the square.
  assert.match(svg, /<circle/);
  assert.ok(svg.includes('>Tameside<') && svg.includes('>Statistical neighbours<'));
  assert.ok(!/[↑→]/.test(svg), 'arrows in axis labels render as boxes in some fonts');
});

test('line chart: a target that changes is drawn as steps and tabled period by period', () => {
  const chart = lineChart({
    ...seen,
    target: [
      { period: '2024-05', value: 90 },
      { period: '2024-07', value: 92 },
    ],
  });
  assertAccessibleSvg(chart.svg, seen.title);
  assert.deepEqual(
    chart.table.rows.map((r) => r.at(-1)),
    ['90%', '90%', '92%'],
  );
});

test('series colours meet WCAG 2.2 non-text contrast (3:1) on white', () => {
  for (const colour of seriesColours)
    assert.ok(contrastRatio(colour, '#ffffff') >= 3, `${colour} is under 3:1`);
});

test('RAG history chart: cells labelled in words, outlined, with a table of full labels', (t) => {
  const started = performance.now();
  const chart = ragHistoryChart(rag);
  t.diagnostic(`RAG history chart rendered in ${(performance.now() - started).toFixed(1)} ms`);
  const doc = assertAccessibleSvg(chart.svg, 'RAG status by meeting');
  const labels = doc.descendantsNamed('text').map((el) => el.val);
  for (const word of ['Amber', 'Green', '–', '9 Jul 2024', '10 Sep 2024', '1. Quality of Practice']) {
    assert.ok(
      labels.some((l) => l === word || l.includes(word)),
      `no "${word}" in the chart`,
    );
  }
  assert.match(chart.svg, /stroke="#0b0c0c"/);
  assert.deepEqual(chart.table, {
    caption: 'RAG status by meeting',
    head: ['Priority', '9 July 2024', '10 September 2024'],
    rows: [
      ['1. Quality of Practice', 'Amber (At Risk)', 'Amber (At Risk)'],
      ['4. Leadership and Workforce', 'Not rated', 'Green (On Plan)'],
    ],
  });
});

test('sparkline: labelled with its first and last values', () => {
  const svg = sparkline(
    [
      { period: '2024-06', value: 87 },
      { period: '2024-07', value: 83 },
    ],
    { label: 'Seen in timescales', unit: '%' },
  );
  assertAccessibleSvg(svg, 'Seen in timescales: trend from 87% in June 2024 to 83% in July 2024');
  assertAccessibleSvg(sparkline([]), 'no data');
});

test('malformed periods are refused rather than plotted in the wrong place', () => {
  assert.throws(
    () => lineChart({ ...seen, series: [{ name: 'A', points: [{ period: '2024-7', value: 1 }] }] }),
    /YYYY-MM/,
  );
});

test('figures read the same in labels and tables', () => {
  assert.equal(formatValue(83, '%'), '83%');
  assert.equal(formatValue(12.55, '%'), '12.6%');
  assert.equal(formatValue(2159, 'per 10,000'), '2,159 per 10,000');
  assert.equal(formatValue(7, ''), '7');
});

/** The y-axis tick labels of a line chart, as drawn (the left axis's labels are right-aligned numbers). */
function yTicks(svg: string): string[] {
  const doc = new XmlDocument(svg);
  const axis = findAll(
    doc,
    (e) => e.name === 'g' && e.attr['font-variant'] === 'tabular-nums' && e.attr['text-anchor'] === 'end',
  );
  return axis.flatMap((g) => findAll(g, (e) => e.name === 'text').map((t) => t.val.trim()));
}

function findAll(node: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  return node.children.flatMap((c) => {
    if (c.type !== 'element') return [];
    const element = c as XmlElement;
    return [...(match(element) ? [element] : []), ...findAll(element, match)];
  });
}

test('a y-domain from zero draws the axis from 0, where the data alone would start near 666', () => {
  const counts: LineChartInput = {
    title: 'Children looked after',
    unit: '',
    series: [
      {
        name: 'Council',
        points: [
          { period: '2020-03', value: 704 },
          { period: '2021-03', value: 682 },
          { period: '2022-03', value: 666 },
        ],
      },
    ],
  };
  assert.ok(!yTicks(lineChart(counts).svg).includes('0'), 'without a domain the axis fits the data');
  const ticks = yTicks(lineChart({ ...counts, yDomain: [0, 704] }).svg);
  assert.equal(ticks[0], '0');
  assert.ok(ticks.includes('700'));
});

test('sparkline: a y-domain from zero keeps a small change small', () => {
  const points = [
    { period: '2024-06', value: 1000 },
    { period: '2024-07', value: 1010 },
  ];
  const ys = (svg: string) => {
    const path = findAll(new XmlDocument(svg), (e) => e.name === 'path')[0]!;
    return [...(path.attr.d ?? '').matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
  };
  const fitted = ys(sparkline(points));
  const fromZero = ys(sparkline(points, { yDomain: [0, 1010] }));
  assert.ok(Math.max(...fitted) - Math.min(...fitted) > 10, 'fitted to the data, 1% fills the height');
  assert.ok(Math.max(...fromZero) - Math.min(...fromZero) < 1, 'from zero, 1% is barely a slope');
});
