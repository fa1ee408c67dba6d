// check_figures: what the figures of an article claim about each other,
// recomputed. Every comparison allows for the rounding of the stated
// figures: a number is trusted to half the place value of its last stated
// digit (Figure::step), and the checks carry those intervals through the
// arithmetic, so "rose 2% to $11.1bn from $10.9bn" passes (the true change
// can be anything from 0.9% to 2.8%) while "rose 20%" would not.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "figures.h"
#include "units.h"
#include "word_table.h"

namespace ai {
namespace {

struct Interval {
  double lo, hi;
};

Interval trusted(double value, double step) { return {value - step / 2, value + step / 2}; }

bool overlaps(Interval a, Interval b) { return a.lo <= b.hi + 1e-9 * std::fabs(b.hi) && b.lo <= a.hi + 1e-9 * std::fabs(a.hi); }

// "1.13bn", "639m", "7,564", "0.5"
std::string format_number(double v) {
  char buffer[48];
  const double a = std::fabs(v);
  if (a >= 1e9) std::snprintf(buffer, sizeof buffer, "%.4gbn", v / 1e9);
  else if (a >= 1e6) std::snprintf(buffer, sizeof buffer, "%.4gm", v / 1e6);
  else if (a >= 1000) {
    const long long whole = std::llround(v);
    std::string digits = std::to_string(std::llabs(whole));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
    std::snprintf(buffer, sizeof buffer, "%s%s", whole < 0 ? "-" : "", digits.c_str());
  } else {
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
  }
  return buffer;
}

std::string with_unit(double v, const std::string& unit) {
  if (unit == "%") return format_number(v) + "%";
  if (unit.empty()) return format_number(v);
  return format_number(v) + " " + unit;
}

bool is_single(const Figure& f) { return !f.value.is_range() && std::isfinite(f.value.min); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// --- the same quantity in two units --------------------------------------------

bool between_is_pairing(std::string_view gap) {
  if (gap.size() > 8) return false;
  std::string g;
  for (char c : gap)
    if (c != ' ') g += c;
  return g == "(" || g == "or" || g == ",or" || g == "/" || g == "-" || g == "[";
}

void check_unit_pairs(const Document& doc, const std::vector<Figure>& figures, std::vector<Check>* out) {
  for (size_t j = 0; j + 1 < figures.size(); ++j) {
    const Figure& a = figures[j];
    const Figure& b = figures[j + 1];
    if (a.kind != FigureKind::kMeasure || b.kind != FigureKind::kMeasure || a.unit == b.unit) continue;
    const Unit* ua = unit_by_code(a.unit);
    const Unit* ub = unit_by_code(b.unit);
    if (!ua || !ub || ua->dimension != ub->dimension || !is_single(a) || !is_single(b)) continue;
    if (b.span.start < a.span.end || !between_is_pairing(doc.text.substr(a.span.end, b.span.start - a.span.end))) continue;
    // Convert a's trusted interval into b's unit and compare with b's.
    const double converted = ub->from_base(ua->to_base(a.value.min));
    const Interval from_a = {ub->from_base(ua->to_base(a.value.min - a.step / 2)),
                             ub->from_base(ua->to_base(a.value.min + a.step / 2))};
    const Interval from_b = trusted(b.value.min, b.step);
    Check c;
    c.kind = "unit-conversion";
    c.ok = overlaps(from_a, from_b);
    const double gap = b.value.min - converted;
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f%%", converted != 0 ? 100 * gap / converted : 0.0);
    c.message = with_unit(a.value.min, a.unit) + " = " + with_unit(converted, b.unit) + "; stated " +
                with_unit(b.value.min, b.unit) + " (" + (gap >= 0 ? "+" : "") + percent + ", " +
                (c.ok ? "within" : "beyond") + " the rounding of the stated figures: " + with_unit(from_a.lo, b.unit) +
                " to " + with_unit(from_a.hi, b.unit) + ")";
    c.spans = {a.span, b.span};
    out->push_back(std::move(c));
  }
}

// --- changes stated with their endpoints ------------------------------------------

// +1 for a word saying a figure rose, -1 for fell, 0 otherwise; any case.
int change_direction(std::string_view word) {
  static const WordTable<int> kDirections = [] {
    WordTable<int> table;
    for (const char* w : {"rose", "rise", "rises", "rising", "risen", "jumped", "jump", "jumps", "climbed", "climb",
                          "increased", "increase", "grew", "grow", "grown", "surged", "soared", "gained", "up",
                          "advanced", "rallied", "boosted", "raised", "expanded", "doubled", "tripled", "widened",
                          "increasing"})
      table.add(w) = 1;
    for (const char* w : {"fell", "fall", "falls", "fallen", "falling", "dropped", "drop", "declined", "decline",
                          "decreased", "decrease", "slumped", "plunged", "slid", "sank", "shrank", "shrunk", "lost",
                          "down", "tumbled", "dipped", "eased", "cut", "reduced", "halved", "contracted", "retreated",
                          "narrowed"})
      table.add(w) = -1;
    return table;
  }();
  const int* direction = kDirections.find(word);
  return direction ? *direction : 0;
}

// The lower-cased word just before byte `offset`, skipping spaces.
std::string word_before(std::string_view text, size_t offset) {
  size_t end = offset;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && ((text[start - 1] | 0x20) >= 'a' && (text[start - 1] | 0x20) <= 'z')) --start;
  return lower(text.substr(start, end - start));
}

// Counts and bare numbers compare with each other: "3.3 million containers ... from 2.8 million".
bool same_kind(FigureKind a, FigureKind b) {
  const auto plain = [](FigureKind k) { return k == FigureKind::kCount || k == FigureKind::kNumber; };
  return a == b || (plain(a) && plain(b));
}

bool same_measure(const Figure& a, const Figure& b) {
  return same_kind(a.kind, b.kind) && a.unit == b.unit && a.kind != FigureKind::kDate && a.kind != FigureKind::kTime &&
         a.kind != FigureKind::kOrdinal && is_single(a) && is_single(b);
}

void check_changes(const Document& doc, const std::vector<Figure>& figures, std::vector<Check>* out) {
  size_t j = 0;
  for (const Sentence& s : doc.sentences) {
    while (j < figures.size() && figures[j].span.start < s.span.start) ++j;
    size_t k = j;
    while (k < figures.size() && figures[k].span.start < s.span.end) ++k;
    if (k - j < 2) continue;
    // Without a figure after "from" and one after "to" there is no change to
    // check: that test is cheaper than looking every token up as a verb.
    bool any_from = false, any_to = false;
    for (size_t m = j; m < k; ++m) {
      const std::string before = word_before(doc.text, figures[m].span.start);
      any_from = any_from || before == "from";
      any_to = any_to || before == "to";
    }
    if (!any_from || !any_to) continue;
    // The change verb of the sentence, if any.
    int direction = 0;
    size_t verb_at = 0;
    for (size_t t = s.first_token; t < s.end_token; ++t) {
      const int d = change_direction(doc.token_text(t));
      if (d != 0) {
        direction = d;
        verb_at = doc.tokens[t].start;
        break;
      }
    }
    if (direction == 0) continue;
    const Figure* to = nullptr;
    const Figure* from = nullptr;
    const Figure* by = nullptr;
    for (size_t m = j; m < k; ++m) {
      const Figure& f = figures[m];
      if (f.span.start < verb_at) continue;
      const std::string before = word_before(doc.text, f.span.start);
      if (before == "to" && !to) to = &f;
      else if (before == "from" && !from) from = &f;
      else if (!by && (before == "by" || f.span.start >= verb_at) && !to && !from &&
               (f.kind == FigureKind::kPercent || f.kind == FigureKind::kRatio || f.kind == FigureKind::kMoney ||
                f.kind == FigureKind::kCount || f.kind == FigureKind::kMeasure || f.kind == FigureKind::kNumber))
        by = &f;
    }
    if (!to || !from || !same_measure(*to, *from) || from->value.min == 0) continue;
    const Interval x = trusted(to->value.min, to->step), y = trusted(from->value.min, from->step);
    Check c;
    c.kind = "change";
    c.spans = {to->span, from->span};
    const std::string endpoints = "from " + with_unit(from->value.min, from->unit) + " to " + with_unit(to->value.min, to->unit);
    const double actual = to->value.min - from->value.min;
    const bool direction_ok = direction > 0 ? actual >= 0 : actual <= 0;
    if (by && by->kind == FigureKind::kPercent && by->unit == "%" && is_single(*by)) {
      // Percent change: (x - y) / y, over the trusted intervals.
      const double pct = 100 * actual / from->value.min;
      const double lo = 100 * (x.lo - y.hi) / y.hi, hi = 100 * (x.hi - y.lo) / y.lo;
      const double stated = by->value.min * (direction < 0 ? -1 : 1);
      const Interval claim = trusted(stated, by->step);
      c.ok = direction_ok && overlaps({std::min(lo, hi), std::max(lo, hi)}, claim);
      char buffer[160];
      std::snprintf(buffer, sizeof buffer, " is %+.1f%% (%+.1f%% to %+.1f%% given rounding); stated %+g%%", pct, lo, hi,
                    stated);
      c.message = endpoints + buffer + (c.ok ? " - consistent" : " - inconsistent");
      c.spans.insert(c.spans.begin(), by->span);
    } else if (by && by->kind == FigureKind::kPercent && by->unit == "pp" && to->unit == "%" && is_single(*by)) {
      const double lo = x.lo - y.hi, hi = x.hi - y.lo;
      const double stated = by->value.min * (direction < 0 ? -1 : 1);
      c.ok = direction_ok && overlaps({lo, hi}, trusted(stated, by->step));
      char buffer[160];
      std::snprintf(buffer, sizeof buffer, " is %+.2g percentage points; stated %+g", actual, stated);
      c.message = endpoints + buffer + (c.ok ? " - consistent" : " - inconsistent");
      c.spans.insert(c.spans.begin(), by->span);
    } else if (by && by->kind == FigureKind::kRatio && is_single(*by) && by->unit == "times") {
      const double ratio = to->value.min / from->value.min;
      const double lo = x.lo / y.hi, hi = x.hi / y.lo;
      // "doubled" is loose language: allow a tenth either way.
      c.ok = overlaps({lo, hi}, {by->value.min * 0.9, by->value.min * 1.1});
      char buffer[160];
      std::snprintf(buffer, sizeof buffer, " is a factor of %.2f; stated %g", ratio, by->value.min);
      c.message = endpoints + buffer + (c.ok ? " - consistent" : " - inconsistent");
      c.spans.insert(c.spans.begin(), by->span);
    } else if (by && same_measure(*by, *to)) {
      const double lo = x.lo - y.hi, hi = x.hi - y.lo;
      const double stated = by->value.min * (direction < 0 ? -1 : 1);
      c.ok = direction_ok && overlaps({lo, hi}, trusted(stated, by->step));
      c.message = endpoints + " is a change of " + with_unit(actual, to->unit) + "; stated " +
                  with_unit(stated, by->unit) + (c.ok ? " - consistent" : " - inconsistent");
      c.spans.insert(c.spans.begin(), by->span);
    } else {
      c.ok = direction_ok;
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%+.1f%%", 100 * actual / from->value.min);
      c.message = endpoints + " is " + buffer + (direction_ok ? ", in the stated direction" : ", against the stated direction");
    }
    out->push_back(std::move(c));
  }
}

// --- the same figure stated twice ------------------------------------------------------

// Words that name what happened to the counted thing; a count is compared
// with another only when both sentences report the same happening.
const char* const kEvents[] = {"killed", "dead", "died", "injured", "wounded", "hurt", "arrested", "detained",
                               "missing", "evacuated", "displaced", "infected", "hospitalised", "hospitalized",
                               "rescued", "jailed", "charged", "deaths", "cases", "casualties", "fatalities"};

// The event word `word` is in any case (from kEvents), or nullptr.
const char* event_word(std::string_view word) {
  static const WordTable<const char*> kEventWords = [] {
    WordTable<const char*> table;
    for (const char* e : kEvents) table.add(e) = e;
    return table;
  }();
  const char* const* event = kEventWords.find(word);
  return event ? *event : nullptr;
}

// The event word nearest to the figure within its sentence, looking at most
// kEventWindow tokens either way (which keeps the check linear on any input).
constexpr size_t kEventWindow = 16;

std::string event_of(const Document& doc, const Figure& f) {
  const size_t s = doc.sentence_at(f.span.start);
  if (s >= doc.sentences.size()) return {};
  const Sentence& sentence = doc.sentences[s];
  const auto at = std::lower_bound(doc.tokens.begin() + static_cast<long>(sentence.first_token),
                                   doc.tokens.begin() + static_cast<long>(sentence.end_token), f.span.start,
                                   [](const Token& t, size_t offset) { return t.start < offset; });
  const size_t center = static_cast<size_t>(at - doc.tokens.begin());
  const size_t first = center >= sentence.first_token + kEventWindow ? center - kEventWindow : sentence.first_token;
  const size_t last = std::min(sentence.end_token, center + kEventWindow);
  std::string best;
  size_t best_distance = kEventWindow + 1;
  for (size_t t = first; t < last; ++t) {
    // The event words are all letters, so matching in any case equals
    // matching the lower-cased token: the word is the table's spelling.
    const char* word = event_word(doc.token_text(t));
    if (word == nullptr) continue;
    const size_t distance = t > center ? t - center : center - t;
    if (distance < best_distance) {
      best_distance = distance;
      best = word;
    }
  }
  if (best == "dead" || best == "died" || best == "deaths" || best == "fatalities") best = "killed";
  if (best == "wounded" || best == "hurt") best = "injured";
  return best;
}

std::string singular(std::string s) {
  if (s.size() > 3 && s.compare(s.size() - 3, 3, "ies") == 0) return s.substr(0, s.size() - 3) + "y";
  if (s.size() > 2 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
  return s;
}

void check_repeats(const Document& doc, const std::vector<Figure>& figures, std::vector<Check>* out) {
  std::map<std::string, const Figure*> first_seen;
  for (const Figure& f : figures) {
    if ((f.kind != FigureKind::kCount && f.kind != FigureKind::kMoney) || f.counted.empty() || f.approx ||
        !is_single(f))
      continue;
    const std::string event = event_of(doc, f);
    const std::string counted = singular(lower(f.counted));
    if (event.empty() && f.kind == FigureKind::kCount) continue;
    const std::string key = counted + "|" + event + "|" + f.unit;
    auto found = first_seen.find(key);
    if (found == first_seen.end()) {
      first_seen.emplace(key, &f);
      continue;
    }
    const Figure& earlier = *found->second;
    Check c;
    c.kind = "repeated-figure";
    c.ok = earlier.value.min == f.value.min;
    const std::string what = f.counted + (event.empty() || lower(f.counted) == event ? "" : " (" + event + ")");
    c.message = what + " stated twice: " + with_unit(earlier.value.min, earlier.unit) + " and " +
                with_unit(f.value.min, f.unit) + (c.ok ? " - the same" : " - they differ");
    c.spans = {earlier.span, f.span};
    out->push_back(std::move(c));
  }
}

}  // namespace

std::vector<Check> check_figures(const Document& doc, const std::vector<Figure>& figures) {
  std::vector<Check> checks;
  check_unit_pairs(doc, figures, &checks);
  check_changes(doc, figures, &checks);
  check_repeats(doc, figures, &checks);
  return checks;
}

}  // namespace ai
