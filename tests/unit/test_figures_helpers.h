// test_figures_helpers.h — shared by the figure test files.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "figures.h"
#include "text.h"

namespace figures_test {

constexpr double kSame = -12345.678;  // "max equals min"
constexpr double kInf = std::numeric_limits<double>::infinity();

inline const ai::FigureFinder& finder() {
  static const ai::FigureFinder instance = ai::FigureFinder::create().value();
  return instance;
}

struct Found {
  std::string text;
  ai::Document doc;
  std::vector<ai::Figure> figures;
};

inline Found find(const std::string& text, const ai::FigureOptions& options = {}) {
  Found f;
  f.text = text;
  f.doc = ai::analyze_text(f.text);
  f.figures = finder().find(f.doc, options);
  return f;
}

inline std::string span_of(const Found& found, const ai::Figure& figure) {
  return found.text.substr(figure.span.start, figure.span.size());
}

inline std::vector<std::string> spans(const std::string& text, const ai::FigureOptions& options = {}) {
  const Found found = find(text, options);
  std::vector<std::string> out;
  for (const ai::Figure& f : found.figures) out.push_back(span_of(found, f));
  return out;
}

// The figure whose span is exactly `span`, or nullptr.
inline const ai::Figure* figure_at(const Found& found, const std::string& span) {
  for (const ai::Figure& f : found.figures)
    if (span_of(found, f) == span) return &f;
  return nullptr;
}

inline bool same_number(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

struct Case {
  const char* text;
  const char* span;
  const char* kind;
  double value;
  double max = kSame;
  const char* unit = "";
  const char* counted = nullptr;
};

inline void check_cases(const std::vector<Case>& cases, const ai::FigureOptions& options = {}) {
  for (const Case& c : cases) {
    const Found found = find(c.text, options);
    std::string all;
    for (const ai::Figure& f : found.figures) all += "[" + span_of(found, f) + "|" + ai::figure_kind_name(f.kind) + "] ";
    INFO("text: " << c.text << "\nexpected span: " << c.span << "\nfound: " << all);
    const ai::Figure* f = figure_at(found, c.span);
    CHECK(f != nullptr);
    if (f == nullptr) continue;
    CHECK(std::string(ai::figure_kind_name(f->kind)) == c.kind);
    INFO("value: " << f->value.min << " .. " << f->value.max << " unit " << f->unit);
    CHECK(same_number(f->value.min, c.value));
    CHECK(same_number(f->value.max, c.max == kSame ? c.value : c.max));
    CHECK(f->unit == c.unit);
    if (c.counted) CHECK(f->counted == c.counted);
  }
}

// Texts in which `fragment` must not be (part of) any figure.
struct Negative {
  const char* text;
  const char* fragment;
};

inline void check_negatives(const std::vector<Negative>& cases, const ai::FigureOptions& options = {}) {
  for (const Negative& c : cases) {
    const Found found = find(c.text, options);
    const size_t at = found.text.find(c.fragment);
    CHECK(at != std::string::npos);
    const size_t end = at + std::string(c.fragment).size();
    for (const ai::Figure& f : found.figures) {
      INFO("text: " << c.text << "\nfragment: " << c.fragment << "\nfigure: " << span_of(found, f));
      CHECK((f.span.end <= at || f.span.start >= end));
    }
  }
}

}  // namespace figures_test
