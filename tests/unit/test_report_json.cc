// report_to_json against the nlohmann::json DOM serialiser it replaced, kept
// here as the oracle: same keys, same order, same nulls, same bytes.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "report_json.h"
#include "test_helpers.h"

namespace {

using nlohmann::json;

// ---- The former implementation of report_to_json, verbatim in substance.

class ReferenceSpans {
 public:
  ReferenceSpans(std::string_view text, ai::OffsetUnit unit) : text_(text), unit_(unit) {}
  json make(ai::Span span) const {
    json object = json::object();
    object["start"] = to_unit(span.start);
    object["end"] = to_unit(span.end);
    object["text"] = std::string(text_.substr(span.start, span.end - span.start));
    return object;
  }

 private:
  // Counts units from the start: slow and obviously right.
  size_t to_unit(size_t byte_offset) const {
    if (unit_ == ai::OffsetUnit::kByte) return byte_offset;
    size_t units = 0;
    for (size_t i = 0; i < byte_offset; ++i) {
      const auto b = static_cast<unsigned char>(text_[i]);
      if ((b & 0xC0) != 0x80) units += unit_ == ai::OffsetUnit::kUtf16 && b >= 0xF0 ? 2 : 1;
    }
    return units;
  }
  std::string_view text_;
  ai::OffsetUnit unit_;
};

json bound(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json amount_json(const ai::Amount& amount) {
  if (!amount.is_range()) return bound(amount.min);
  return json{{"min", bound(amount.min)}, {"max", bound(amount.max)}};
}

std::string iso_date(const ai::CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

template <typename T, typename F>
json array_of(const std::vector<T>& items, F&& to_json) {
  json out = json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

std::string reference_json(const ai::Report& report, ai::OffsetUnit unit) {
  const ReferenceSpans spans(report.text, unit);
  auto span = [&](const ai::Span& s) { return spans.make(s); };
  auto optional_span = [&](const std::optional<ai::Span>& s) { return s ? spans.make(*s) : json(nullptr); };
  json out = json::object();
  out["entities"] = array_of(report.entities, [&](const ai::Entity& e) {
    return json{{"id", e.id},
                {"type", ai::entity_type_name(e.type)},
                {"name", e.name},
                {"mentions", array_of(e.mentions, span)},
                {"roles", e.roles}};
  });
  out["figures"] = array_of(report.figures, [&](const ai::Figure& f) {
    json o = spans.make(f.span);
    o["kind"] = ai::figure_kind_name(f.kind);
    o["value"] = amount_json(f.value);
    o["unit"] = or_null(f.unit);
    o["normalized"] =
        f.normalized ? json{{"value", amount_json(*f.normalized)}, {"unit", f.normalized_unit}} : json(nullptr);
    o["approx"] = f.approx;
    o["qualifier"] = or_null(f.qualifier);
    o["counted"] = or_null(f.counted);
    if (f.date) o["date"] = iso_date(*f.date);
    else if (!f.date_text.empty()) o["date"] = f.date_text;
    return o;
  });
  out["quotes"] = array_of(report.quotes, [&](const ai::Quote& q) {
    json o = spans.make(q.span);
    o["speaker"] = q.speaker ? json{{"name", q.speaker->name}, {"entity", or_null(q.speaker->entity_id)}} : json(nullptr);
    o["verb"] = or_null(q.verb);
    o["fragment"] = q.fragment;
    return o;
  });
  out["sources"] = array_of(report.sources, [&](const ai::Source& s) {
    return json{{"name", s.name},
                {"entity", or_null(s.entity_id)},
                {"named", s.named},
                {"citations", array_of(s.citations, span)},
                {"sentences", s.sentences}};
  });
  out["boilerplate"] = array_of(report.layout.boilerplate, [&](const ai::Boilerplate& b) {
    json item = spans.make(b.span);
    item["reason"] = b.reason;
    return item;
  });
  out["checks"] = array_of(report.checks, [&](const ai::Check& c) {
    return json{{"kind", c.kind}, {"ok", c.ok}, {"message", c.message}, {"spans", array_of(c.spans, span)}};
  });
  json layout = json::object();
  layout["headline"] = optional_span(report.layout.headline);
  if (report.layout.dateline) {
    const ai::Dateline& d = *report.layout.dateline;
    json dateline = spans.make(d.span);
    dateline["place"] = optional_span(d.place);
    dateline["agency"] = optional_span(d.agency);
    dateline["date"] = d.date ? json(iso_date(*d.date)) : json(nullptr);
    dateline["dateText"] = optional_span(d.date_span);
    layout["dateline"] = std::move(dateline);
  } else {
    layout["dateline"] = nullptr;
  }
  layout["byline"] = optional_span(report.layout.byline);
  out["layout"] = std::move(layout);
  const ai::Stats& s = report.stats;
  out["stats"] = json{{"characters", s.characters},
                      {"words", s.words},
                      {"sentences", s.sentences},
                      {"paragraphs", s.paragraphs},
                      {"readingMinutes", std::round(s.reading_minutes * 10) / 10},
                      {"quotes", s.quotes},
                      {"namedSources", s.named_sources},
                      {"anonymousSources", s.anonymous_sources},
                      {"figures", s.figures},
                      {"entities", json{{"person", s.people},
                                        {"organization", s.organizations},
                                        {"location", s.locations},
                                        {"misc", s.misc}}}};
  out["warnings"] =
      array_of(report.warnings, [](const ai::Warning& w) { return json{{"code", w.code}, {"message", w.message}}; });
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- Reports that take every branch of the writer.

// Byte span of the first occurrence of `needle` in `text`.
ai::Span find_span(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

ai::Report full_report() {
  ai::Report r;
  r.text =
      "MOSCOW, Jan. 5, 2022 (AP) \xE2\x80\x94 \"We will \\ act\", said Dmitry Peskov \xF0\x9F\x98\x80.\n"
      "About 5 km (3.1 mi) of road, more than 1,200 people\tand 10-20% of caf\xC3\xA9s closed on 5 January.\n"
      "Officials said the Home Ministry agreed. By Anna Smith";
  const std::string& t = r.text;
  r.layout.headline = find_span(t, "MOSCOW");
  ai::Dateline dateline;
  dateline.span = find_span(t, "MOSCOW, Jan. 5, 2022 (AP)");
  dateline.place = find_span(t, "MOSCOW");
  dateline.agency = find_span(t, "AP");
  dateline.date_span = find_span(t, "Jan. 5, 2022");
  dateline.date = ai::CivilDate{2022, 1, 5};
  r.layout.dateline = dateline;
  r.layout.byline = find_span(t, "By Anna Smith");
  r.layout.boilerplate.push_back({find_span(t, "By Anna Smith"), "credit"});

  ai::Entity peskov;
  peskov.id = "e1";
  peskov.type = ai::EntityType::kPerson;
  peskov.name = "Dmitry Peskov";
  peskov.mentions = {find_span(t, "Dmitry Peskov"), find_span(t, "Peskov \xF0\x9F\x98\x80")};
  peskov.roles = {"spokesman", "Kremlin \"voice\""};
  ai::Entity ministry;
  ministry.id = "e2";
  ministry.type = ai::EntityType::kOrganization;
  ministry.name = "Home Ministry";
  ministry.mentions = {find_span(t, "Home Ministry")};
  r.entities = {peskov, ministry};

  ai::Figure km;
  km.span = find_span(t, "About 5 km");
  km.kind = ai::FigureKind::kMeasure;
  km.value = {5, 5};
  km.unit = "km";
  km.normalized = ai::Amount{5000, 5000};
  km.normalized_unit = "m";
  km.approx = true;
  km.qualifier = "about";
  km.counted = "road";
  ai::Figure miles;
  miles.span = find_span(t, "3.1 mi");
  miles.kind = ai::FigureKind::kMeasure;
  miles.value = {3.1, 3.1};
  miles.unit = "mi";
  miles.normalized = ai::Amount{3.1 * 1609.344, 3.1 * 1609.344};
  miles.normalized_unit = "m";
  ai::Figure people;
  people.span = find_span(t, "more than 1,200 people");
  people.kind = ai::FigureKind::kCount;
  people.value = {1200, std::numeric_limits<double>::infinity()};
  people.qualifier = "more than";
  people.counted = "people";
  ai::Figure share;
  share.span = find_span(t, "10-20%");
  share.kind = ai::FigureKind::kPercent;
  share.value = {10, 20};
  share.unit = "%";
  share.normalized = ai::Amount{0.1, 0.2};
  share.normalized_unit = "ratio";
  ai::Figure date;
  date.span = find_span(t, "5 January");
  date.kind = ai::FigureKind::kDate;
  date.value = {-0.0, -0.0};
  date.date = ai::CivilDate{2022, 1, 5};
  ai::Figure decade;
  decade.span = find_span(t, "2022");
  decade.kind = ai::FigureKind::kDate;
  decade.value = {1e21, 1e21};
  decade.date_text = "2020s";
  r.figures = {km, miles, people, share, date, decade};

  ai::Check check;
  check.kind = "unit-conversion";
  check.ok = false;
  check.message = "5 km is 3.1 mi \xE2\x80\x94 ok";
  check.spans = {km.span, miles.span};
  ai::Check empty_check;
  empty_check.kind = "change";
  r.checks = {check, empty_check};

  ai::Quote quote;
  quote.span = find_span(t, "\"We will \\ act\"");
  quote.speaker = ai::Speaker{"Dmitry Peskov", "e1"};
  quote.verb = "said";
  quote.verb_span = find_span(t, "said");
  ai::Quote anonymous;
  anonymous.span = find_span(t, "We will");
  anonymous.speaker = ai::Speaker{"a caf\xC3\xA9 owner", ""};
  anonymous.fragment = true;
  ai::Quote unattributed;
  unattributed.span = find_span(t, "act");
  r.quotes = {quote, anonymous, unattributed};

  ai::Source named;
  named.name = "Home Ministry";
  named.entity_id = "e2";
  named.named = true;
  named.citations = {find_span(t, "the Home Ministry agreed")};
  named.sentences = 1;
  ai::Source officials;
  officials.name = "officials";
  officials.citations = {find_span(t, "Officials said")};
  officials.sentences = 2;
  r.sources = {named, officials};

  r.stats.characters = 220;
  r.stats.words = 40;
  r.stats.sentences = 3;
  r.stats.paragraphs = 3;
  r.stats.reading_minutes = 40.0 / 230;
  r.stats.quotes = 3;
  r.stats.named_sources = 1;
  r.stats.anonymous_sources = 1;
  r.stats.figures = 6;
  r.stats.people = 1;
  r.stats.organizations = 1;
  r.stats.locations = 2;
  r.stats.misc = 4;
  r.warnings = {{"invalid-utf8", "2 invalid UTF-8 sequences were replaced with U+FFFD"}};
  return r;
}

const ai::OffsetUnit kUnits[] = {ai::OffsetUnit::kUtf16, ai::OffsetUnit::kCodePoint, ai::OffsetUnit::kByte};

}  // namespace

TEST_CASE("report_to_json writes the bytes the nlohmann DOM wrote", "[report]") {
  ai::Report partial = full_report();
  partial.layout.dateline->place.reset();
  partial.layout.dateline->agency.reset();
  partial.layout.dateline->date.reset();
  partial.layout.dateline->date_span.reset();
  partial.layout.headline.reset();
  ai::Report no_dateline = full_report();
  no_dateline.layout.dateline.reset();
  no_dateline.layout.byline.reset();
  no_dateline.warnings.clear();
  no_dateline.stats.reading_minutes = 2.25;
  struct Case {
    const char* name;
    ai::Report report;
  };
  const Case cases[] = {{"every field", full_report()},
                        {"dateline without its parts", partial},
                        {"no dateline", no_dateline},
                        {"empty", ai::Report{}}};
  for (const Case& c : cases) {
    for (ai::OffsetUnit unit : kUnits) {
      INFO(c.name << ", unit " << static_cast<int>(unit));
      CHECK(ai::report_to_json(c.report, unit) == reference_json(c.report, unit));
    }
  }
}

TEST_CASE("report_to_json writes the bytes the nlohmann DOM wrote for inspected texts", "[report]") {
  const std::string texts[] = {
      "LONDON (Reuters) - Prime Minister Boris Johnson said on Tuesday that 1,500 troops, about 40% of the force, "
      "would leave by 2023. \"We are not done,\" he told reporters.\n\nOfficials said the cost was \xC2\xA3" "4.5bn "
      "(about $6.1bn), up from \xC2\xA3" "3bn in 2019.",
      std::string("Caf\xE9 owners\x01 in Par\xC3\xADs \xE2\x82 said\0 the 5 km road \xF0\x9F\x98\x80 was closed.", 62),
      "Temperatures reached 40C (104F) in Madrid, where 3 million people live; a rise of 2.5% on last year.",
  };
  for (const std::string& text : texts) {
    const ai::Result<ai::Report> report = ai_test::inspector().inspect(text, {});
    REQUIRE(report.ok());
    for (ai::OffsetUnit unit : kUnits) {
      INFO(text << ", unit " << static_cast<int>(unit));
      CHECK(ai::report_to_json(report.value(), unit) == reference_json(report.value(), unit));
    }
  }
}

TEST_CASE("report_to_json writes the bytes the nlohmann DOM wrote for the sample articles", "[report]") {
  const std::string samples = ai_test::shared_dir() + "/samples";
  if (!std::filesystem::is_directory(samples)) {
    WARN("skipped: " << samples << " not found (set AI_SHARED_DIR)");
    return;
  }
  size_t articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(samples)) {
    const std::optional<std::string> text = ai_test::read_file(entry.path().string());
    if (!text) continue;
    const ai::Result<ai::Report> report = ai_test::inspector().inspect(*text, {});
    REQUIRE(report.ok());
    ++articles;
    for (ai::OffsetUnit unit : kUnits) {
      INFO(entry.path() << ", unit " << static_cast<int>(unit));
      CHECK(ai::report_to_json(report.value(), unit) == reference_json(report.value(), unit));
    }
  }
  CHECK(articles > 0);
}

TEST_CASE("report_to_json reserves for what is reported, not for the text", "[report]") {
  // A long text with one small finding (as with kinds: figures only) must not
  // hold megabytes of unused capacity, in wasm least of all.
  ai::Report report;
  report.text = std::string(1000000, 'x') + " 5 km";
  ai::Figure km;
  km.span = find_span(report.text, "5 km");
  km.value = {5, 5};
  km.unit = "km";
  report.figures.push_back(km);
  for (ai::OffsetUnit unit : kUnits) {
    const std::string out = ai::report_to_json(report, unit);
    CHECK(out == reference_json(report, unit));
    CHECK(out.capacity() < 4096);
  }
}
