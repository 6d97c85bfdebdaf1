#include "export/html_writer.h"

#include <sstream>

#include "export/format_util.h"
#include "export/json_writer.h"
#include "extract/text_normalizer.h"

namespace newsgraph {

std::string EscapeHtml(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp == 0xFFFD && length == 1)) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s, i, static_cast<size_t>(length));
        }
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

std::string EscapeScriptJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    // "</script" or "<!--" inside a string would end or confuse the element;
    // "<\/" is the same JSON string.
    if (json[i] == '<' && i + 1 < json.size() && (json[i + 1] == '/' || json[i + 1] == '!')) {
      out += json[i + 1] == '/' ? "<\\/" : "\\u003c!";
      ++i;
      continue;
    }
    out += json[i];
  }
  return out;
}

namespace {

constexpr const char* kStyle = R"CSS(
body { margin: 0; font: 14px Helvetica, Arial, sans-serif; display: flex; height: 100vh; }
#side { width: 320px; padding: 10px; overflow-y: auto; border-right: 1px solid #ccc; box-sizing: border-box; }
#cy { flex: 1; }
#search { width: 100%; padding: 6px; box-sizing: border-box; font-size: 14px; }
h2 { font-size: 13px; margin: 14px 0 4px; text-transform: uppercase; color: #555; }
label { display: block; }
#evidence { margin-top: 10px; }
#evidence .fact { font-weight: bold; margin-bottom: 6px; }
#evidence li { margin-bottom: 6px; }
#evidence .doc { color: #666; font-size: 12px; }
)CSS";

constexpr const char* kApp = R"JS(
(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var colours = JSON.parse(document.getElementById('graph-styles').textContent);
  var elements = [];
  data.nodes.forEach(function (n) { elements.push({ group: 'nodes', data: n }); });
  data.links.forEach(function (l) { elements.push({ group: 'edges', data: l }); });
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'text-valign': 'center',
          'background-color': function (n) { return colours[n.data('type')] || '#dddddd'; },
          'border-width': 1, 'border-color': '#666', 'width': 28, 'height': 28 } },
      { selector: 'edge', style: { 'label': 'data(predicate)', 'font-size': 8, 'curve-style': 'bezier',
          'target-arrow-shape': 'triangle', 'width': function (e) { return 1 + Math.log2(e.data('weight') || 1); },
          'line-color': '#999', 'target-arrow-color': '#999', 'text-rotation': 'autorotate' } },
      { selector: '.faded', style: { 'opacity': 0.12 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#d62728', 'line-color': '#d62728' } }
    ],
    layout: { name: 'cose', animate: false, randomize: false }
  });
  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }
  var evidence = document.getElementById('evidence');
  function showEdge(edge) {
    var d = edge.data();
    evidence.innerHTML = '';
    evidence.appendChild(text('div', edge.source().data('label') + ' ' + d.predicate + ' ' +
        edge.target().data('label'), 'fact'));
    evidence.appendChild(text('div', d.weight + ' document(s), confidence ' + d.confidence +
        (d.date ? ', date ' + d.date : '') + (d.amount ? ', amount ' + d.amount : '') +
        (d.role ? ', role ' + d.role : '')));
    var list = document.createElement('ul');
    (d.evidence || []).forEach(function (ev) {
      var li = document.createElement('li');
      li.appendChild(text('div', ev.sentence, 'sentence'));
      li.appendChild(text('div', ev.doc + ' [' + ev.start + ', ' + ev.end + ')', 'doc'));
      list.appendChild(li);
    });
    evidence.appendChild(list);
  }
  function showNeighbourhood(node) {
    cy.elements().addClass('faded');
    node.closedNeighborhood().removeClass('faded');
    cy.elements().unselect();
    node.select();
    evidence.innerHTML = '';
    evidence.appendChild(text('div', node.data('label') + ' (' + node.data('type') + ')', 'fact'));
    if ((node.data('aliases') || []).length) evidence.appendChild(text('div', 'also: ' + node.data('aliases').join('; ')));
    cy.fit(node.closedNeighborhood(), 40);
  }
  cy.on('tap', 'edge', function (e) { showEdge(e.target); });
  cy.on('tap', 'node', function (e) { showNeighbourhood(e.target); });
  cy.on('tap', function (e) { if (e.target === cy) cy.elements().removeClass('faded'); });
  document.getElementById('search').addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var q = this.value.trim().toLowerCase();
    var hit = cy.nodes().filter(function (n) {
      return n.data('label').toLowerCase().indexOf(q) >= 0 ||
          (n.data('aliases') || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    if (hit.length) showNeighbourhood(hit[0]);
  });
  function checkboxes(id, values, key) {
    var box = document.getElementById(id);
    values.forEach(function (v) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = true;
      input.value = v;
      input.addEventListener('change', applyFilters);
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + v));
      box.appendChild(label);
    });
  }
  function checked(id) {
    var out = {};
    document.querySelectorAll('#' + id + ' input').forEach(function (i) { if (i.checked) out[i.value] = true; });
    return out;
  }
  function applyFilters() {
    var types = checked('types');
    var predicates = checked('predicates');
    cy.batch(function () {
      cy.nodes().forEach(function (n) { n.style('display', types[n.data('type')] ? 'element' : 'none'); });
      cy.edges().forEach(function (e) {
        e.style('display', predicates[e.data('predicate')] ? 'element' : 'none');
      });
    });
  }
  function distinct(list, key) {
    var seen = {};
    list.forEach(function (x) { seen[x[key]] = true; });
    return Object.keys(seen).sort();
  }
  checkboxes('types', distinct(data.nodes, 'type'));
  checkboxes('predicates', distinct(data.links, 'predicate'));
  window.newsgraph = { cy: cy, showEdge: showEdge, ready: true };
})();
)JS";

}  // namespace

void WriteHtml(const KnowledgeGraph& graph, const std::map<std::string, NodeStyle>& styles, std::string_view library,
               std::ostream& out) {
  std::ostringstream json;
  WriteNodeLinkJson(graph, json);
  std::string colours = "{";
  for (const auto& [type, style] : styles) {
    if (colours.size() > 1) colours += ",";
    colours += "\"" + EscapeHtml(type) + "\":\"" + EscapeHtml(style.color) + "\"";
  }
  colours += "}";
  std::string lib(library);
  for (size_t p = 0; (p = lib.find("</script", p)) != std::string::npos;) lib.replace(p, 2, "<\\/");
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>newsgraph: "
      << graph.node_count() << " entities, " << graph.edge_count() << " facts</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<div id=\"side\">\n<input id=\"search\" type=\"search\" "
         "placeholder=\"Search an entity, press Enter\">\n<h2>Types</h2><div id=\"types\"></div>\n"
         "<h2>Relations</h2><div id=\"predicates\"></div>\n<h2>Evidence</h2><div id=\"evidence\">Click a fact (an "
         "edge) to read its sources.</div>\n</div>\n<div id=\"cy\"></div>\n"
      << "<script id=\"graph-data\" type=\"application/json\">" << EscapeScriptJson(json.str()) << "</script>\n"
      << "<script id=\"graph-styles\" type=\"application/json\">" << EscapeScriptJson(colours) << "</script>\n"
      << "<script>\n" << lib << "\n</script>\n<script>" << kApp << "</script>\n</body>\n</html>\n";
}

}  // namespace newsgraph
