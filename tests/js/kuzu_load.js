// Loads newsgraph Cypher into a fresh Kuzu database and prints what it holds.
// usage: node kuzu_load.js SCRIPT.cypher [MERGE_SCRIPT.cql]
// With a second script, the first supplies only the tables and the second
// (the Neo4j MERGE script) is run twice, to show it is idempotent.
const fs = require('fs');
const kuzu = require('kuzu');

function statements(path) {
  return fs.readFileSync(path, 'utf8').split('\n')
      .filter((line) => line.trim() && !line.startsWith('//') && !line.startsWith('CREATE CONSTRAINT'));
}

async function run(conn, lines) {
  for (const line of lines) {
    try {
      await conn.query(line);
    } catch (e) {
      throw new Error(`${e.message}\n  in: ${line.slice(0, 300)}`);
    }
  }
}

async function main() {
  const [script, merge] = process.argv.slice(2);
  const db = new kuzu.Database(':memory:');
  const conn = new kuzu.Connection(db);
  const lines = statements(script);
  if (merge) {
    await run(conn, lines.filter((l) => l.startsWith('CREATE NODE TABLE') || l.startsWith('CREATE REL TABLE')));
    await run(conn, statements(merge));
    await run(conn, statements(merge));
  } else {
    await run(conn, lines);
  }
  const count = async (q) => (await (await conn.query(q)).getAll())[0].n;
  const nodes = await count('MATCH (n) RETURN count(n) AS n');
  const edges = await count('MATCH ()-[r]->() RETURN count(r) AS n');
  let joined = [];
  try {
    const result = await conn.query('MATCH (p:Person)-[:joined]->(c) RETURN p.name, c.name ORDER BY p.name, c.name');
    joined = (await result.getAll()).map((row) => [row['p.name'], row['c.name']]);
  } catch (e) {
    // No Person table or no joined table in this graph.
  }
  const labels = (await (await conn.query('MATCH (n) RETURN n.name AS name')).getAll()).map((r) => r.name);
  console.log(JSON.stringify({nodes, edges, joined, labels}));
}

main().catch((e) => {
  console.error('kuzu_load: ' + e.message);
  process.exit(1);
});
