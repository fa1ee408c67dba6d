#include "structure.h"

#include <algorithm>

namespace ai {

bool Layout::is_clutter(size_t at) const {
  auto it = std::upper_bound(boilerplate.begin(), boilerplate.end(), at,
                             [](size_t offset, const Boilerplate& b) { return offset < b.span.start; });
  return it != boilerplate.begin() && at < std::prev(it)->span.end;
}

Layout analyze_layout(const Document&) { return {}; }
std::vector<Quote> find_quotes(const Document&, const Layout&, const std::vector<Entity>&) { return {}; }
std::vector<Source> find_sources(const Document&, const Layout&, const std::vector<Entity>&) { return {}; }

}  // namespace ai
