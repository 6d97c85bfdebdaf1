#include "extract/parallel_extractor.h"

#include <utility>

namespace newsgraph {

namespace {

// Documents in flight per worker: enough that a long article on one thread
// does not idle the others, few enough that memory stays small.
constexpr size_t kWindowPerThread = 16;

}  // namespace

ParallelExtractor::ParallelExtractor(const TripleExtractor& extractor, int threads,
                                     Consumer consumer, StageTimes* times)
    : extractor_(extractor), consumer_(std::move(consumer)), times_(times) {
  if (threads <= 1) return;
  window_.resize(kWindowPerThread * static_cast<size_t>(threads));
  workers_.reserve(static_cast<size_t>(threads));
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
}

ParallelExtractor::~ParallelExtractor() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ParallelExtractor::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [this] { return stopping_ || taken_ < added_; });
    if (stopping_) return;
    Slot& slot = window_[taken_++ % window_.size()];
    lock.unlock();
    // The slot is this worker's until it is marked done.
    try {
      slot.triples = extractor_.Extract(slot.document, times_ ? &slot.times : nullptr);
    } catch (...) {
      slot.error = std::current_exception();
    }
    lock.lock();
    slot.done = true;
    work_done_.notify_all();
  }
}

void ParallelExtractor::DeliverOldest() {
  Slot taken;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot& slot = window_[delivered_ % window_.size()];
    work_done_.wait(lock, [&slot] { return slot.done; });
    taken = std::move(slot);
    slot = Slot();
    ++delivered_;
  }
  if (taken.error) std::rethrow_exception(taken.error);
  if (times_) times_->Add(taken.times);
  consumer_(std::move(taken.document), std::move(taken.triples));
}

void ParallelExtractor::Add(Document&& document) {
  if (workers_.empty()) {
    StageTimes times;
    std::vector<Triple> triples = extractor_.Extract(document, times_ ? &times : nullptr);
    if (times_) times_->Add(times);
    consumer_(std::move(document), std::move(triples));
    return;
  }
  if (added_ - delivered_ == window_.size()) DeliverOldest();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    window_[added_ % window_.size()].document = std::move(document);
    ++added_;
  }
  work_ready_.notify_one();
}

void ParallelExtractor::Finish() {
  while (delivered_ < added_) DeliverOldest();
}

}  // namespace newsgraph
