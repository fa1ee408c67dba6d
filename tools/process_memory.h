// process_memory.h — how the native tools ask the C library to manage memory.
//
// Inspecting a text of tens of megabytes builds arrays of hundreds of
// megabytes (tokens, features, the report). glibc gives each block over its
// mmap threshold (128 KB to 32 MB) pages of its own and returns them to the
// kernel when freed, so every such array, each time a vector doubles and each
// time the next text is inspected, is faulted in afresh, page by page. On the
// virtual machines we measure on a page fault costs several microseconds:
// a 10 MB text took three times as long per MB as a 100 KB one, a third of it
// in the kernel. Served from the heap and kept there once freed, the pages are
// reused instead (10 MB: 0.152 to 0.069 s/MB; 100 KB unchanged).
//
// The cost is that a process keeps its peak memory until it exits, which is
// what a batch tool wants. A program embedding the core can make the same
// choice with the same two calls; the core itself never does (it has no
// process-wide settings).
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <climits>

namespace tools {

// Makes glibc serve every allocation from its heaps and never shrink them.
// Elsewhere (Emscripten, other C libraries) does nothing. Call once, first.
inline void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

}  // namespace tools
