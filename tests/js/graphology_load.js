// Parses GraphML with graphology-graphml and prints counts and a sample.
// usage: node graphology_load.js GRAPH.graphml
const fs = require('fs');
const {DOMParser} = require('@xmldom/xmldom');
const Graph = require('graphology');
const graphml = require('graphology-graphml');

const text = fs.readFileSync(process.argv[2], 'utf8');
const graph = graphml.parse(Graph, new DOMParser().parseFromString(text, 'text/xml'), {addMissingNodes: false});
const labels = graph.mapNodes((node, attrs) => attrs.label);
const weights = graph.mapEdges((edge, attrs) => attrs.weight);
console.log(JSON.stringify({nodes: graph.order, edges: graph.size, labels, weights}));
