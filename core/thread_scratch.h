// thread_scratch.h — storage for working buffers that one call reuses from
// the last, kept per thread.
//
// The core is called from several threads natively (the CLI inspects files
// in parallel), so scratch buffers that outlive a call are thread_local:
//
//   AI_THREAD_SCRATCH std::vector<uint32_t> offsets;  // inside a function
//
// The wasm module has no threads, so there the same buffers are plain
// statics, which mean the same thing. It matters for speed: wasm-ld links
// thread-local storage only together with the atomics feature, and without
// thread-local storage the module can use bulk-memory instructions, which
// make every memcpy and memset a single instruction instead of a loop.
#pragma once

#if defined(__wasm__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define AI_THREAD_SCRATCH static
#else
#define AI_THREAD_SCRATCH thread_local
#endif

#include <cstddef>
#include <vector>

namespace ai {

// Frees `scratch`'s storage when it has room for more than `max_kept`
// elements. A thread keeps its buffers for the next article, but one long
// text's would stay with the thread too, alive beside every later stage of
// that text (the tagger's scratch most of all) and after it.
// Out of line: the callers' hot loops are not to make room for it.
template <class T, class Allocator>
__attribute__((noinline)) void release_if_longer(std::vector<T, Allocator>* scratch, size_t max_kept) {
  if (scratch->capacity() > max_kept) std::vector<T, Allocator>().swap(*scratch);
}

}  // namespace ai
