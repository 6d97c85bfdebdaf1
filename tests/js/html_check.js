// Opens newsgraph's HTML export in headless Chromium: takes a screenshot,
// searches an entity, clicks an edge with the mouse and reads the evidence.
// usage: node html_check.js PAGE.html SCREENSHOT.png SEARCH
// Exits 2 when the evidence panel does not show the clicked edge's sentence.
const {chromium} = require('playwright-core');

async function main() {
  const [page_path, screenshot, search] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + page_path);
    await page.waitForFunction(() => window.newsgraph && window.newsgraph.ready, null, {timeout: 30000});
    await page.screenshot({path: screenshot});
    // Search: the neighbourhood of the entity is selected. Then click, with the
    // mouse, a point of an edge touching the selection. The layout can put
    // another node over an edge's midpoint, so the point is taken along the
    // edge where Cytoscape's own hit test finds that edge. A click that missed
    // changes the view, so each new try searches again (which re-centres the
    // view) and takes the next edge's point.
    let selected = [];
    let point = null;
    for (let attempt = 0; attempt < 5; ++attempt) {
      await page.fill('#search', search);
      await page.press('#search', 'Enter');
      selected = await page.evaluate(() => window.newsgraph.cy.nodes(':selected').map((n) => n.data('label')));
      // Let the renderer catch up with the new viewport before measuring positions.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const points = await page.evaluate(() => {
        const cy = window.newsgraph.cy;
        const renderer = cy.renderer();
        const box = cy.container().getBoundingClientRect();
        const out = [];
        cy.nodes(':selected').connectedEdges().forEach((edge) => {
          const from = edge.sourceEndpoint();
          const to = edge.targetEndpoint();
          for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            const model = {x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y)};
            const near = renderer.findNearestElement(model.x, model.y, true, false);
            if (!near || near.id() !== edge.id()) continue;
            const zoom = cy.zoom();
            const pan = cy.pan();
            out.push({x: box.left + model.x * zoom + pan.x, y: box.top + model.y * zoom + pan.y,
                      sentence: edge.data('evidence')[0].sentence, doc: edge.data('evidence')[0].doc});
            break;
          }
        });
        return out;
      });
      if (points.length === 0) break;
      point = points[attempt % points.length];
      await page.mouse.click(point.x, point.y);
      const shown = await page.waitForFunction(
          (p) => document.querySelector('#evidence').textContent.includes(p.sentence), point,
          {timeout: 5000}).then(() => true, () => false);
      if (shown) break;
    }
    const evidence = await page.textContent('#evidence');
    // Filtering by type hides nodes.
    const types = await page.$$eval('#types input', (inputs) => inputs.map((i) => i.value));
    await page.uncheck('#types input[value="Person"]');
    const hidden = await page.evaluate(() => window.newsgraph.cy.nodes().filter((n) => n.style('display') === 'none').length);
    console.log(JSON.stringify({selected, evidence, types, hidden, errors, requests}));
    if (!point || !evidence.includes(point.sentence) || !evidence.includes(point.doc)) process.exitCode = 2;
    if (errors.length || requests.length) process.exitCode = 3;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error('html_check: ' + e.message);
  process.exit(1);
});
