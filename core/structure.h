// structure.h — what is article and what is page clutter, who is quoted, and
// whom the article relies on.
//
// `analyze_layout` finds the headline, dateline and byline and marks page
// furniture ("Watch: ...", "Most Viewed", cookie notices) as boilerplate.
// `find_quotes` and `find_sources` then read the article body: quotations
// with their speakers, and attributions without quotation marks ("officials
// said", "according to the Home Ministry").
//
// Usage:
//
//   ai::Layout layout = ai::analyze_layout(doc);
//   const ai::AttributionContext attribution(doc, entities);  // attribution.h
//   std::vector<ai::Quote> quotes = ai::find_quotes(attribution, layout);
//   std::vector<ai::Source> sources = ai::find_sources(attribution, layout, quotes);
//
// The overloads taking the document and entities build that context
// themselves: simpler, but slower when both are wanted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entities.h"
#include "figures.h"
#include "text.h"

namespace ai {

struct AttributionContext;  // attribution.h

struct Dateline {
  Span span;
  std::optional<Span> place;   // "MOSCOW"
  std::optional<Span> agency;  // "AP"
  std::optional<Span> date_span;  // "Jan 5", "Jan. 5, 2022"
  std::optional<CivilDate> date;  // only when the dateline states the year
};

struct Boilerplate {
  Span span;
  std::string reason;  // "teaser", "navigation", "promo", "legal", "caption", "credit"
};

struct Layout {
  std::optional<Span> headline;
  std::optional<Dateline> dateline;
  std::optional<Span> byline;
  std::vector<Boilerplate> boilerplate;  // sorted by start
  // True when byte offset `at` lies inside a boilerplate block.
  bool is_clutter(size_t at) const;
};

struct Speaker {
  std::string name;
  std::string entity_id;  // empty when the speaker is not a recognised entity
};

struct Quote {
  Span span;                     // including the quotation marks
  std::optional<Speaker> speaker;
  std::string verb;              // "said", "told", "according to"
  std::optional<Span> verb_span; // where the verb is, when the quote has one
  bool fragment = false;         // a short quoted phrase inside a sentence
};

struct Source {
  std::string name;              // "Home Ministry", "officials"
  std::string entity_id;         // empty for anonymous sources
  bool named = false;
  std::vector<Span> citations;   // the spans that cite it
  size_t sentences = 0;          // sentences resting on it
};

// Finds the headline, dateline, byline and the lines of page furniture.
// Linear in the text; never fails (a text without them gives an empty Layout).
Layout analyze_layout(const Document& doc);

// Returns the quotations outside the clutter, in text order, each with its
// speaker when the text names one (linked to `entities` when a mention of
// one matches). `entities` may be empty: names are read from the text.
std::vector<Quote> find_quotes(const AttributionContext& attribution, const Layout& layout);
std::vector<Quote> find_quotes(const Document& doc, const Layout& layout, const std::vector<Entity>& entities);

// Returns the sources of claims made without quotation marks ("officials
// said", "according to the Home Ministry"), each once, in order of first
// citation. Verbs that introduce one of `quotes` (find_quotes' result) are
// the quote's, not a source's; without them every reporting verb counts.
std::vector<Source> find_sources(const AttributionContext& attribution, const Layout& layout,
                                 const std::vector<Quote>& quotes = {});
std::vector<Source> find_sources(const Document& doc, const Layout& layout, const std::vector<Entity>& entities,
                                 const std::vector<Quote>& quotes = {});

}  // namespace ai
