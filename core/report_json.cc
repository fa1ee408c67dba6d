#include "report_json.h"

#include <cmath>
#include <cstdio>

#include "json_writer.h"

namespace ai {
namespace {

// Writes the report straight into one string. Keys appear in byte order
// within every object: the contract was first written by nlohmann::json,
// whose objects are sorted maps, and consumers compare output byte for byte.
class ReportWriter {
 public:
  ReportWriter(std::string_view text, OffsetUnit unit, JsonWriter* out) : text_(text), map_(text, unit), out_(*out) {}

  void report(const Report& report) {
    raw("{\"boilerplate\":");
    array(report.layout.boilerplate, [&](const Boilerplate& b) {
      raw("{\"end\":");
      offset(b.span.end);
      raw(",\"reason\":");
      string(b.reason);
      start_and_text(b.span);
      raw("}");
    });
    raw(",\"checks\":");
    array(report.checks, [&](const Check& c) {
      raw("{\"kind\":");
      string(c.kind);
      raw(",\"message\":");
      string(c.message);
      raw(",\"ok\":");
      boolean(c.ok);
      raw(",\"spans\":");
      array(c.spans, [&](const Span& s) { span(s); });
      raw("}");
    });
    raw(",\"entities\":");
    array(report.entities, [&](const Entity& e) { entity(e); });
    raw(",\"figures\":");
    array(report.figures, [&](const Figure& f) { figure(f); });
    raw(",\"layout\":");
    layout(report.layout);
    raw(",\"quotes\":");
    array(report.quotes, [&](const Quote& q) { quote(q); });
    raw(",\"sources\":");
    array(report.sources, [&](const Source& s) { source(s); });
    raw(",\"stats\":");
    stats(report.stats);
    raw(",\"warnings\":");
    array(report.warnings, [&](const Warning& w) {
      raw("{\"code\":");
      string(w.code);
      raw(",\"message\":");
      string(w.message);
      raw("}");
    });
    raw("}");
  }

 private:
  template <size_t N>
  void raw(const char (&literal)[N]) {
    out_.raw(literal);
  }
  void string(std::string_view s) { out_.string(s); }
  void optional_string(std::string_view s) {  // empty means absent
    if (s.empty()) raw("null");
    else string(s);
  }
  void number(size_t n) { out_.unsigned_number(n); }
  // JSON has no infinity: an unbounded side of an amount is null.
  void number(double x) { out_.double_number(x); }
  void boolean(bool b) { out_.boolean(b); }
  void offset(size_t byte_offset) { number(map_.to_unit(byte_offset)); }
  void text_of(Span s) { string(text_.substr(s.start, s.end - s.start)); }

  // The ",start,text" tail shared by every object that embeds a span.
  void start_and_text(Span s) {
    raw(",\"start\":");
    offset(s.start);
    raw(",\"text\":");
    text_of(s);
  }
  void span(Span s) {
    raw("{\"end\":");
    offset(s.end);
    start_and_text(s);
    raw("}");
  }
  void optional_span(const std::optional<Span>& s) {
    if (s) span(*s);
    else raw("null");
  }

  template <typename T, typename F>
  void array(const std::vector<T>& items, F&& write_item) {
    raw("[");
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) raw(",");
      write_item(items[i]);
    }
    raw("]");
  }

  void iso_date(const CivilDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    string(buffer);
  }

  void amount(const Amount& a) {
    if (!a.is_range()) {
      number(a.min);
      return;
    }
    raw("{\"max\":");
    number(a.max);
    raw(",\"min\":");
    number(a.min);
    raw("}");
  }

  void entity(const Entity& e) {
    raw("{\"id\":");
    string(e.id);
    raw(",\"mentions\":");
    array(e.mentions, [&](const Span& s) { span(s); });
    raw(",\"name\":");
    string(e.name);
    raw(",\"roles\":");
    array(e.roles, [&](const std::string& role) { string(role); });
    raw(",\"type\":");
    string(entity_type_name(e.type));
    raw("}");
  }

  void figure(const Figure& f) {
    raw("{\"approx\":");
    boolean(f.approx);
    raw(",\"counted\":");
    optional_string(f.counted);
    if (f.date) {
      raw(",\"date\":");
      iso_date(*f.date);
    } else if (!f.date_text.empty()) {
      raw(",\"date\":");
      string(f.date_text);
    }
    raw(",\"end\":");
    offset(f.span.end);
    raw(",\"kind\":");
    string(figure_kind_name(f.kind));
    raw(",\"normalized\":");
    if (f.normalized) {
      raw("{\"unit\":");
      string(f.normalized_unit);
      raw(",\"value\":");
      amount(*f.normalized);
      raw("}");
    } else {
      raw("null");
    }
    raw(",\"qualifier\":");
    optional_string(f.qualifier);
    start_and_text(f.span);
    raw(",\"unit\":");
    optional_string(f.unit);
    raw(",\"value\":");
    amount(f.value);
    raw("}");
  }

  void quote(const Quote& q) {
    raw("{\"end\":");
    offset(q.span.end);
    raw(",\"fragment\":");
    boolean(q.fragment);
    raw(",\"speaker\":");
    if (q.speaker) {
      raw("{\"entity\":");
      optional_string(q.speaker->entity_id);
      raw(",\"name\":");
      string(q.speaker->name);
      raw("}");
    } else {
      raw("null");
    }
    start_and_text(q.span);
    raw(",\"verb\":");
    optional_string(q.verb);
    raw("}");
  }

  void source(const Source& s) {
    raw("{\"citations\":");
    array(s.citations, [&](const Span& c) { span(c); });
    raw(",\"entity\":");
    optional_string(s.entity_id);
    raw(",\"name\":");
    string(s.name);
    raw(",\"named\":");
    boolean(s.named);
    raw(",\"sentences\":");
    number(s.sentences);
    raw("}");
  }

  void layout(const Layout& l) {
    raw("{\"byline\":");
    optional_span(l.byline);
    raw(",\"dateline\":");
    if (l.dateline) {
      const Dateline& d = *l.dateline;
      raw("{\"agency\":");
      optional_span(d.agency);
      raw(",\"date\":");
      if (d.date) iso_date(*d.date);
      else raw("null");
      // The date as written, also when it gives no year ("Jan 5").
      raw(",\"dateText\":");
      optional_span(d.date_span);
      raw(",\"end\":");
      offset(d.span.end);
      raw(",\"place\":");
      optional_span(d.place);
      start_and_text(d.span);
      raw("}");
    } else {
      raw("null");
    }
    raw(",\"headline\":");
    optional_span(l.headline);
    raw("}");
  }

  void stats(const Stats& s) {
    raw("{\"anonymousSources\":");
    number(s.anonymous_sources);
    raw(",\"characters\":");
    number(s.characters);
    raw(",\"entities\":{\"location\":");
    number(s.locations);
    raw(",\"misc\":");
    number(s.misc);
    raw(",\"organization\":");
    number(s.organizations);
    raw(",\"person\":");
    number(s.people);
    raw("},\"figures\":");
    number(s.figures);
    raw(",\"namedSources\":");
    number(s.named_sources);
    raw(",\"paragraphs\":");
    number(s.paragraphs);
    raw(",\"quotes\":");
    number(s.quotes);
    raw(",\"readingMinutes\":");
    number(std::round(s.reading_minutes * 10) / 10);
    raw(",\"sentences\":");
    number(s.sentences);
    raw(",\"words\":");
    number(s.words);
    raw("}");
  }

  std::string_view text_;
  OffsetMap map_;
  JsonWriter& out_;
};

// A little more than the bytes report_to_json writes for `report`; span
// texts dominate. Following what is reported rather than the text's length
// keeps a sparse report of a long text (kinds: figures only) from reserving
// several times the text.
size_t estimated_size(const Report& report) {
  size_t bytes = 512;
  size_t offset_digits = 1;
  for (size_t n = report.text.size(); n >= 10; n /= 10) ++offset_digits;
  auto span = [&](const Span& s) { bytes += 32 + 2 * offset_digits + s.size(); };  // {"end":N,"start":N,"text":"..."},
  for (const Entity& e : report.entities) {
    bytes += 64 + e.id.size() + e.name.size();
    for (const Span& m : e.mentions) span(m);
    for (const std::string& role : e.roles) bytes += 3 + role.size();
  }
  for (const Figure& f : report.figures) {
    bytes += 150 + f.unit.size() + f.normalized_unit.size() + f.qualifier.size() + f.counted.size() + f.date_text.size();
    span(f.span);
  }
  for (const Quote& q : report.quotes) {
    bytes += 72 + q.verb.size() + (q.speaker ? q.speaker->name.size() + q.speaker->entity_id.size() : 0);
    span(q.span);
  }
  for (const Source& s : report.sources) {
    bytes += 96 + s.name.size() + s.entity_id.size();
    for (const Span& c : s.citations) span(c);
  }
  for (const Boilerplate& b : report.layout.boilerplate) {
    bytes += 16 + b.reason.size();
    span(b.span);
  }
  for (const Check& c : report.checks) {
    bytes += 48 + c.kind.size() + c.message.size();
    for (const Span& s : c.spans) span(s);
  }
  for (const std::optional<Span>& s : {report.layout.headline, report.layout.byline}) {
    if (s) span(*s);
  }
  if (report.layout.dateline) bytes += 4 * 48 + 2 * report.layout.dateline->span.size();
  for (const Warning& w : report.warnings) bytes += 32 + w.code.size() + w.message.size();
  return bytes;
}

}  // namespace

std::string report_to_json(const Report& report, OffsetUnit unit) {
  JsonWriter out(estimated_size(report));
  ReportWriter(report.text, unit, &out).report(report);
  return out.take();
}

}  // namespace ai
