// Extraction over a stream of documents on several threads, with the facts
// handed back in input order so that the output does not depend on the
// number of threads.
#ifndef NEWSGRAPH_EXTRACT_PARALLEL_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACT_PARALLEL_EXTRACTOR_H_

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "extract/document.h"
#include "extract/triple.h"
#include "extract/triple_extractor.h"

namespace newsgraph {

// Runs one TripleExtractor over documents on worker threads. Documents go in
// with Add(); each one's facts come back, with the document, through the
// consumer, called on the thread that calls Add() and Finish(), in the order
// the documents were added. At most a fixed window of documents is in flight,
// so memory stays bounded however long the stream. With one thread there are
// no workers: Add() extracts and delivers at once.
class ParallelExtractor {
 public:
  // Receives one document and its facts.
  using Consumer = std::function<void(Document&& document, std::vector<Triple>&& triples)>;

  // Starts `threads` workers (none when `threads` <= 1). When `times` is
  // given, the stage times of every delivered document are added to it.
  ParallelExtractor(const TripleExtractor& extractor, int threads, Consumer consumer,
                    StageTimes* times = nullptr);

  // Stops the workers; facts not yet delivered are dropped.
  ~ParallelExtractor();

  ParallelExtractor(const ParallelExtractor&) = delete;
  ParallelExtractor& operator=(const ParallelExtractor&) = delete;

  // Queues one document, first delivering earlier documents' facts when the
  // window is full. Rethrows, on this thread, the error an earlier document's
  // extraction threw (or the consumer's), after delivering the documents
  // before it.
  void Add(Document&& document);

  // Waits for every queued document and delivers the rest, in order.
  void Finish();

 private:
  // One document in flight: its input, and its output once `done`.
  struct Slot {
    Document document;
    std::vector<Triple> triples;
    StageTimes times;
    std::exception_ptr error;
    bool done = false;
  };

  void Work();
  void DeliverOldest();

  const TripleExtractor& extractor_;
  Consumer consumer_;
  StageTimes* times_;
  std::vector<Slot> window_;
  // Sequence numbers: documents added, taken by a worker, and delivered.
  uint64_t added_ = 0;
  uint64_t taken_ = 0;
  uint64_t delivered_ = 0;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  std::vector<std::thread> workers_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_PARALLEL_EXTRACTOR_H_
