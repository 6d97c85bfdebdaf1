#include "extract/parallel_extractor.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "extract/input_reader.h"
#include "extract/triple_io.h"
#include "tests/test_util.h"

namespace newsgraph {

namespace {

// The BBC business articles (a few hundred, of very different lengths).
std::vector<Document> BbcBusiness() {
  std::vector<Document> out;
  for (const InputFile& input : ExpandInputs({testing::SharedDir() + "/corpora/bbc/business"})) {
    ReadInput(input, [&](Document&& doc) { out.push_back(std::move(doc)); }, {});
  }
  return out;
}

// Extracts `documents` with `threads` threads; returns the document ids in
// delivery order and the facts as the JSON Lines extract writes.
std::pair<std::vector<std::string>, std::string> Run(const std::vector<Document>& documents,
                                                     int threads, StageTimes* times = nullptr) {
  const TripleExtractor extractor(testing::DefaultSchema());
  std::vector<std::string> ids;
  std::string lines;
  ParallelExtractor pool(
      extractor, threads,
      [&](Document&& doc, std::vector<Triple>&& triples) {
        ids.push_back(doc.id);
        for (const Triple& t : triples) lines += TripleToJson(t) + "\n";
      },
      times);
  for (const Document& doc : documents) pool.Add(Document(doc));
  pool.Finish();
  return {ids, lines};
}

}  // namespace

TEST_CASE("facts come back in input order and are the same for any number of threads") {
  const std::vector<Document> documents = BbcBusiness();
  REQUIRE(documents.size() > 400);
  std::vector<std::string> expected_ids;
  for (const Document& doc : documents) expected_ids.push_back(doc.id);
  const auto [ids_1, lines_1] = Run(documents, 1);
  CHECK(ids_1 == expected_ids);
  CHECK(lines_1.size() > 10000);
  for (int threads : {2, 3, 8}) {
    CAPTURE(threads);
    const auto [ids, lines] = Run(documents, threads);
    CHECK(ids == expected_ids);
    CHECK(lines == lines_1);
  }
}

TEST_CASE("stage times add up over the documents of every thread") {
  const std::vector<Document> documents = BbcBusiness();
  StageTimes one, two;
  Run(documents, 1, &one);
  Run(documents, 2, &two);
  for (const StageTimes& t : {one, two}) {
    CHECK(t.splitting > 0);
    CHECK(t.entities > 0);
    CHECK(t.coreference > 0);
    CHECK(t.relations > 0);
  }
  // The same work, whichever thread did it: thread time within a wide margin.
  const double total_one = one.splitting + one.entities + one.coreference + one.relations;
  const double total_two = two.splitting + two.entities + two.coreference + two.relations;
  CHECK(total_two > total_one / 4);
  CHECK(total_two < total_one * 4);
}

TEST_CASE("an error in the consumer reaches the caller and the workers stop") {
  const std::vector<Document> documents = BbcBusiness();
  const TripleExtractor extractor(testing::DefaultSchema());
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    size_t delivered = 0;
    auto feed = [&] {
      ParallelExtractor pool(extractor, threads, [&](Document&& doc, std::vector<Triple>&&) {
        if (++delivered == 5) throw std::runtime_error("consumer failed at " + doc.id);
      });
      for (const Document& doc : documents) pool.Add(Document(doc));
      pool.Finish();
    };
    CHECK_THROWS_WITH_AS(feed(), doctest::Contains("consumer failed at"), std::runtime_error);
    CHECK(delivered == 5);
  }
}

}  // namespace newsgraph
