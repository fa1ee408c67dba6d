#include "report_json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace ai {
namespace {

using nlohmann::json;

class SpanWriter {
 public:
  SpanWriter(std::string_view text, OffsetUnit unit) : text_(text), map_(text, unit) {}

  // Writes start, end and text of `span` into `object`.
  void write(Span span, json* object) const {
    (*object)["start"] = map_.to_unit(span.start);
    (*object)["end"] = map_.to_unit(span.end);
    (*object)["text"] = std::string(text_.substr(span.start, span.end - span.start));
  }
  json make(Span span) const {
    json object = json::object();
    write(span, &object);
    return object;
  }

 private:
  std::string_view text_;
  OffsetMap map_;
};

// JSON has no infinity: an unbounded side of an amount is null.
json bound(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json amount_json(const Amount& amount) {
  if (!amount.is_range()) return bound(amount.min);
  return json{{"min", bound(amount.min)}, {"max", bound(amount.max)}};
}

std::string iso_date(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

json figure_json(const Figure& figure, const SpanWriter& spans) {
  json out = spans.make(figure.span);
  out["kind"] = figure_kind_name(figure.kind);
  out["value"] = amount_json(figure.value);
  out["unit"] = figure.unit.empty() ? json(nullptr) : json(figure.unit);
  out["normalized"] = figure.normalized ? json{{"value", amount_json(*figure.normalized)}, {"unit", figure.normalized_unit}}
                                        : json(nullptr);
  out["approx"] = figure.approx;
  out["qualifier"] = figure.qualifier.empty() ? json(nullptr) : json(figure.qualifier);
  out["counted"] = figure.counted.empty() ? json(nullptr) : json(figure.counted);
  if (figure.date) out["date"] = iso_date(*figure.date);
  else if (!figure.date_text.empty()) out["date"] = figure.date_text;
  return out;
}

json entity_json(const Entity& entity, const SpanWriter& spans) {
  json mentions = json::array();
  for (const Span& m : entity.mentions) mentions.push_back(spans.make(m));
  return json{{"id", entity.id},
              {"type", entity_type_name(entity.type)},
              {"name", entity.name},
              {"mentions", std::move(mentions)},
              {"roles", entity.roles}};
}

json quote_json(const Quote& quote, const SpanWriter& spans) {
  json out = spans.make(quote.span);
  out["speaker"] = quote.speaker ? json{{"name", quote.speaker->name},
                                        {"entity", quote.speaker->entity_id.empty() ? json(nullptr)
                                                                                    : json(quote.speaker->entity_id)}}
                                 : json(nullptr);
  out["verb"] = quote.verb.empty() ? json(nullptr) : json(quote.verb);
  out["fragment"] = quote.fragment;
  return out;
}

json source_json(const Source& source, const SpanWriter& spans) {
  json citations = json::array();
  for (const Span& c : source.citations) citations.push_back(spans.make(c));
  return json{{"name", source.name},
              {"entity", source.entity_id.empty() ? json(nullptr) : json(source.entity_id)},
              {"named", source.named},
              {"citations", std::move(citations)},
              {"sentences", source.sentences}};
}

json layout_json(const Layout& layout, const SpanWriter& spans) {
  json out = json::object();
  out["headline"] = layout.headline ? spans.make(*layout.headline) : json(nullptr);
  if (layout.dateline) {
    const Dateline& d = *layout.dateline;
    json dateline = spans.make(d.span);
    dateline["place"] = d.place ? spans.make(*d.place) : json(nullptr);
    dateline["agency"] = d.agency ? spans.make(*d.agency) : json(nullptr);
    dateline["date"] = d.date ? json(iso_date(*d.date)) : json(nullptr);
    // The date as written, also when it gives no year ("Jan 5").
    dateline["dateText"] = d.date_span ? spans.make(*d.date_span) : json(nullptr);
    out["dateline"] = std::move(dateline);
  } else {
    out["dateline"] = nullptr;
  }
  out["byline"] = layout.byline ? spans.make(*layout.byline) : json(nullptr);
  return out;
}

template <typename T, typename F>
json array_of(const std::vector<T>& items, F&& to_json) {
  json out = json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace

std::string report_to_json(const Report& report, OffsetUnit unit) {
  const SpanWriter spans(report.text, unit);
  json out = json::object();
  out["entities"] = array_of(report.entities, [&](const Entity& e) { return entity_json(e, spans); });
  out["figures"] = array_of(report.figures, [&](const Figure& f) { return figure_json(f, spans); });
  out["quotes"] = array_of(report.quotes, [&](const Quote& q) { return quote_json(q, spans); });
  out["sources"] = array_of(report.sources, [&](const Source& s) { return source_json(s, spans); });
  out["boilerplate"] = array_of(report.layout.boilerplate, [&](const Boilerplate& b) {
    json item = spans.make(b.span);
    item["reason"] = b.reason;
    return item;
  });
  out["checks"] = array_of(report.checks, [&](const Check& c) {
    return json{{"kind", c.kind},
                {"ok", c.ok},
                {"message", c.message},
                {"spans", array_of(c.spans, [&](const Span& s) { return spans.make(s); })}};
  });
  out["layout"] = layout_json(report.layout, spans);
  const Stats& s = report.stats;
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
  out["warnings"] = array_of(report.warnings, [](const Warning& w) { return json{{"code", w.code}, {"message", w.message}}; });
  // The text is valid UTF-8 by construction; `replace` keeps dump() from ever throwing.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ai
