// Loads newsgraph's node-link JSON into Cytoscape.js (headless) and prints counts.
// usage: node cytoscape_load.js GRAPH.json
const fs = require('fs');
const cytoscape = require('cytoscape');

const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const elements = [
  ...data.nodes.map((n) => ({group: 'nodes', data: {...n, id: n.id}})),
  ...data.links.map((l) => ({group: 'edges', data: {...l, id: l.id, source: l.source, target: l.target}})),
];
const cy = cytoscape({headless: true, elements});
console.log(JSON.stringify({nodes: cy.nodes().length, edges: cy.edges().length,
                            labels: cy.nodes().map((n) => n.data('label'))}));
