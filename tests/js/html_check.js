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
    // Search: the neighbourhood of the entity is selected.
    await page.fill('#search', search);
    await page.press('#search', 'Enter');
    const selected = await page.evaluate(() => window.newsgraph.cy.nodes(':selected').map((n) => n.data('label')));
    // Let the renderer catch up with the new viewport before measuring positions.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Click, with the mouse, the middle of the first edge touching the selection.
    const point = await page.evaluate(() => {
      const cy = window.newsgraph.cy;
      // An edge whose midpoint no node covers, so that the click lands on the edge.
      const covered = (p) => cy.nodes().some((n) => {
        const b = n.renderedBoundingBox();
        return p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4;
      });
      const edges = cy.nodes(':selected').connectedEdges();
      const edge = edges.filter((e) => !covered(e.renderedMidpoint()))[0] || edges[0];
      const mid = edge.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return {x: box.left + mid.x, y: box.top + mid.y, sentence: edge.data('evidence')[0].sentence,
              doc: edge.data('evidence')[0].doc};
    });
    await page.mouse.click(point.x, point.y);
    const evidence = await page.textContent('#evidence');
    // Filtering by type hides nodes.
    const types = await page.$$eval('#types input', (inputs) => inputs.map((i) => i.value));
    await page.uncheck('#types input[value="Person"]');
    const hidden = await page.evaluate(() => window.newsgraph.cy.nodes().filter((n) => n.style('display') === 'none').length);
    console.log(JSON.stringify({selected, evidence, types, hidden, errors, requests}));
    if (!evidence.includes(point.sentence) || !evidence.includes(point.doc)) process.exitCode = 2;
    if (errors.length || requests.length) process.exitCode = 3;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error('html_check: ' + e.message);
  process.exit(1);
});
