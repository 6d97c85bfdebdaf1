// Reads a GraphML file with Boost's read_graphml and prints its node and edge
// counts as JSON; the export tests compare them with NetworkX's.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>

#include <fstream>
#include <iostream>
#include <string>

namespace {

struct Node {
  std::string label;
};
struct Edge {
  std::string label;
  int weight = 0;
  double confidence = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: graphml_check FILE.graphml\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;
  Graph g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&Node::label, g));
  dp.property("label", boost::get(&Edge::label, g));
  dp.property("weight", boost::get(&Edge::weight, g));
  dp.property("confidence", boost::get(&Edge::confidence, g));
  try {
    boost::read_graphml(in, g, dp);
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
  std::cout << "{\"nodes\": " << boost::num_vertices(g) << ", \"edges\": " << boost::num_edges(g) << "}\n";
  return 0;
}
