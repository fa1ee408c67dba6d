#include "report_json.h"

#include <cmath>
#include <cstdio>
#include <iterator>

#include "json_writer.h"
#include "tape_writer.h"

namespace ai {
namespace {

// The report's keys, each with its tape index (its place in this list).
#define AI_REPORT_KEYS(X)                                                                                            \
  X(agency) X(anonymousSources) X(approx) X(boilerplate) X(byline) X(characters) X(checks) X(citations) X(code)       \
  X(counted) X(date) X(dateText) X(dateline) X(end) X(entities) X(entity) X(figures) X(fragment) X(headline) X(id)    \
  X(kind) X(layout) X(location) X(max) X(mentions) X(message) X(min) X(misc) X(name) X(named) X(namedSources)         \
  X(normalized) X(ok) X(organization) X(paragraphs) X(person) X(place) X(qualifier) X(quotes) X(readingMinutes)       \
  X(reason) X(roles) X(sentences) X(sources) X(spans) X(speaker) X(start) X(stats) X(text) X(type) X(unit) X(value)   \
  X(verb) X(warnings) X(words)

enum class Key : uint8_t {
#define AI_KEY_ENUM(name) name,
  AI_REPORT_KEYS(AI_KEY_ENUM)
#undef AI_KEY_ENUM
};

// Each key as JSON writes it: after a comma (a later member) or an opening
// brace (the first member), quoted, followed by its colon; padded so that
// JsonWriter::raw_prefix copies it in one piece.
struct JsonKey {
  char text[24];
  size_t size;
};
constexpr JsonKey kJsonKeys[] = {
#define AI_KEY_JSON(name) {",\"" #name "\":", sizeof(",\"" #name "\":") - 1},
    AI_REPORT_KEYS(AI_KEY_JSON)
#undef AI_KEY_JSON
};
constexpr JsonKey kJsonFirstKeys[] = {
#define AI_KEY_JSON(name) {"{\"" #name "\":", sizeof("{\"" #name "\":") - 1},
    AI_REPORT_KEYS(AI_KEY_JSON)
#undef AI_KEY_JSON
};
static_assert(std::size(kJsonKeys) <= TapeWriter::kMaxKeys, "every key needs a one-byte tape tag");

constexpr std::string_view kKeyNames[] = {
#define AI_KEY_NAME(name) #name,
    AI_REPORT_KEYS(AI_KEY_NAME)
#undef AI_KEY_NAME
};

// ReportWriter's output through a JsonWriter. ReportWriter says where the
// separators go (begin_object names the first key, key() a later one,
// next_element() precedes every element but the first), so no call has to
// look back at what came before it.
class JsonSink {
 public:
  explicit JsonSink(JsonWriter* out) : out_(*out) {}

  void begin_object(Key first_key) { write(kJsonFirstKeys[static_cast<size_t>(first_key)]); }
  void key(Key k) { write(kJsonKeys[static_cast<size_t>(k)]); }
  void end_object() { out_.raw("}"); }
  void begin_array() { out_.raw("["); }
  void next_element() { out_.raw(","); }
  void end_array() { out_.raw("]"); }
  void string(std::string_view s) { out_.string(s); }
  void span_text(std::string_view whole_text, Span span) { string(whole_text.substr(span.start, span.size())); }
  // The object {"end", "start", "text"} of `span`, whose offsets are already in the output unit.
  void span(size_t end, size_t start, std::string_view whole_text, Span span) {
    begin_object(Key::end);
    unsigned_number(end);
    key(Key::start);
    unsigned_number(start);
    key(Key::text);
    span_text(whole_text, span);
    end_object();
  }
  void unsigned_number(uint64_t n) { out_.unsigned_number(n); }
  void double_number(double x) { out_.double_number(x); }
  void boolean(bool b) { out_.boolean(b); }
  void null() { out_.null(); }

 private:
  void write(const JsonKey& json_key) { out_.raw_prefix(json_key.text, json_key.size); }

  JsonWriter& out_;
};

// ReportWriter's output through a TapeWriter (see tape_writer.h).
class TapeSink {
 public:
  TapeSink(TapeWriter* out, TapeSpanTexts span_texts) : out_(*out), slice_span_texts_(span_texts == TapeSpanTexts::kSliceWhenWhole) {}

  void begin_object(Key first_key) {
    out_.begin_object();
    key(first_key);
  }
  void key(Key k) { out_.key(static_cast<size_t>(k)); }
  void end_object() { out_.end_object(); }
  void begin_array() { out_.begin_array(); }
  void next_element() {}
  void end_array() { out_.end_array(); }
  void string(std::string_view s) { out_.string(s); }
  // A span that starts and ends on code point boundaries is, as the reader
  // decodes it, exactly the reader's text between the span's UTF-16 offsets;
  // one that cuts a character in two gets U+FFFD there, so its bytes go along.
  void span_text(std::string_view whole_text, Span span) {
    if (slice_span_texts_ && is_code_point_boundary(whole_text, span.start) &&
        is_code_point_boundary(whole_text, span.end)) {
      out_.span_text_slice();
    } else {
      out_.span_text(whole_text.substr(span.start, span.size()));
    }
  }
  void span(size_t end, size_t start, std::string_view whole_text, Span span) {
    out_.begin_span(end, start);
    span_text(whole_text, span);
  }
  void unsigned_number(uint64_t n) { out_.unsigned_number(n); }
  void double_number(double x) { out_.double_number(x); }
  void boolean(bool b) { out_.boolean(b); }
  void null() { out_.null(); }

 private:
  static bool is_code_point_boundary(std::string_view text, size_t pos) {
    return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
  }

  TapeWriter& out_;
  bool slice_span_texts_;
};

// Walks the report once, in the order of the contract, into a sink (JsonSink
// or TapeSink). Keys appear in byte order within every object: the contract
// was first written by nlohmann::json, whose objects are sorted maps, and
// consumers compare output byte for byte.
template <typename Sink>
class ReportWriter {
 public:
  ReportWriter(std::string_view text, OffsetUnit unit, Sink* out) : text_(text), map_(text, unit), out_(*out) {}

  void report(const Report& report) {
    out_.begin_object(Key::boilerplate);
    array(report.layout.boilerplate, [&](const Boilerplate& b) {
      out_.begin_object(Key::end);
      offset(b.span.end);
      key(Key::reason);
      string(b.reason);
      start_and_text(b.span);
      out_.end_object();
    });
    key(Key::checks);
    array(report.checks, [&](const Check& c) {
      out_.begin_object(Key::kind);
      string(c.kind);
      key(Key::message);
      string(c.message);
      key(Key::ok);
      out_.boolean(c.ok);
      key(Key::spans);
      array(c.spans, [&](const Span& s) { span(s); });
      out_.end_object();
    });
    key(Key::entities);
    array(report.entities, [&](const Entity& e) { entity(e); });
    key(Key::figures);
    array(report.figures, [&](const Figure& f) { figure(f); });
    key(Key::layout);
    layout(report.layout);
    key(Key::quotes);
    array(report.quotes, [&](const Quote& q) { quote(q); });
    key(Key::sources);
    array(report.sources, [&](const Source& s) { source(s); });
    key(Key::stats);
    stats(report.stats);
    key(Key::warnings);
    array(report.warnings, [&](const Warning& w) {
      out_.begin_object(Key::code);
      string(w.code);
      key(Key::message);
      string(w.message);
      out_.end_object();
    });
    out_.end_object();
  }

 private:
  void key(Key k) { out_.key(k); }
  void string(std::string_view s) { out_.string(s); }
  void optional_string(std::string_view s) {  // empty means absent
    if (s.empty()) out_.null();
    else string(s);
  }
  void number(size_t n) { out_.unsigned_number(n); }
  // JSON has no infinity: an unbounded side of an amount is null.
  void number(double x) { out_.double_number(x); }
  void offset(size_t byte_offset) { number(map_.to_unit(byte_offset)); }

  // The start and text members shared by every object that embeds a span.
  void start_and_text(Span s) {
    key(Key::start);
    offset(s.start);
    key(Key::text);
    out_.span_text(text_, s);
  }
  void span(Span s) { out_.span(map_.to_unit(s.end), map_.to_unit(s.start), text_, s); }
  void optional_span(const std::optional<Span>& s) {
    if (s) span(*s);
    else out_.null();
  }

  template <typename T, typename F>
  void array(const std::vector<T>& items, F&& write_item) {
    out_.begin_array();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_.next_element();
      write_item(items[i]);
    }
    out_.end_array();
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
    out_.begin_object(Key::max);
    number(a.max);
    key(Key::min);
    number(a.min);
    out_.end_object();
  }

  void entity(const Entity& e) {
    out_.begin_object(Key::id);
    string(e.id);
    key(Key::mentions);
    array(e.mentions, [&](const Span& s) { span(s); });
    key(Key::name);
    string(e.name);
    key(Key::roles);
    array(e.roles, [&](const std::string& role) { string(role); });
    key(Key::type);
    string(entity_type_name(e.type));
    out_.end_object();
  }

  void figure(const Figure& f) {
    out_.begin_object(Key::approx);
    out_.boolean(f.approx);
    key(Key::counted);
    optional_string(f.counted);
    if (f.date) {
      key(Key::date);
      iso_date(*f.date);
    } else if (!f.date_text.empty()) {
      key(Key::date);
      string(f.date_text);
    }
    key(Key::end);
    offset(f.span.end);
    key(Key::kind);
    string(figure_kind_name(f.kind));
    key(Key::normalized);
    if (f.normalized) {
      out_.begin_object(Key::unit);
      string(f.normalized_unit);
      key(Key::value);
      amount(*f.normalized);
      out_.end_object();
    } else {
      out_.null();
    }
    key(Key::qualifier);
    optional_string(f.qualifier);
    start_and_text(f.span);
    key(Key::unit);
    optional_string(f.unit);
    key(Key::value);
    amount(f.value);
    out_.end_object();
  }

  void quote(const Quote& q) {
    out_.begin_object(Key::end);
    offset(q.span.end);
    key(Key::fragment);
    out_.boolean(q.fragment);
    key(Key::speaker);
    if (q.speaker) {
      out_.begin_object(Key::entity);
      optional_string(q.speaker->entity_id);
      key(Key::name);
      string(q.speaker->name);
      out_.end_object();
    } else {
      out_.null();
    }
    start_and_text(q.span);
    key(Key::verb);
    optional_string(q.verb);
    out_.end_object();
  }

  void source(const Source& s) {
    out_.begin_object(Key::citations);
    array(s.citations, [&](const Span& c) { span(c); });
    key(Key::entity);
    optional_string(s.entity_id);
    key(Key::name);
    string(s.name);
    key(Key::named);
    out_.boolean(s.named);
    key(Key::sentences);
    number(s.sentences);
    out_.end_object();
  }

  void layout(const Layout& l) {
    out_.begin_object(Key::byline);
    optional_span(l.byline);
    key(Key::dateline);
    if (l.dateline) {
      const Dateline& d = *l.dateline;
      out_.begin_object(Key::agency);
      optional_span(d.agency);
      key(Key::date);
      if (d.date) iso_date(*d.date);
      else out_.null();
      // The date as written, also when it gives no year ("Jan 5").
      key(Key::dateText);
      optional_span(d.date_span);
      key(Key::end);
      offset(d.span.end);
      key(Key::place);
      optional_span(d.place);
      start_and_text(d.span);
      out_.end_object();
    } else {
      out_.null();
    }
    key(Key::headline);
    optional_span(l.headline);
    out_.end_object();
  }

  void stats(const Stats& s) {
    out_.begin_object(Key::anonymousSources);
    number(s.anonymous_sources);
    key(Key::characters);
    number(s.characters);
    key(Key::entities);
    out_.begin_object(Key::location);
    number(s.locations);
    key(Key::misc);
    number(s.misc);
    key(Key::organization);
    number(s.organizations);
    key(Key::person);
    number(s.people);
    out_.end_object();
    key(Key::figures);
    number(s.figures);
    key(Key::namedSources);
    number(s.named_sources);
    key(Key::paragraphs);
    number(s.paragraphs);
    key(Key::quotes);
    number(s.quotes);
    key(Key::readingMinutes);
    number(std::round(s.reading_minutes * 10) / 10);
    key(Key::sentences);
    number(s.sentences);
    key(Key::words);
    number(s.words);
    out_.end_object();
  }

  std::string_view text_;
  OffsetMap map_;
  Sink& out_;
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
  JsonSink sink(&out);
  ReportWriter<JsonSink>(report.text, unit, &sink).report(report);
  return out.take();
}

std::string report_to_tape(const Report& report, OffsetUnit unit, TapeSpanTexts span_texts) {
  // Span texts mostly go as slices, so the tape is usually smaller than the
  // text (0.84 of it on BBC articles, one in four over 1; 0.61 on a 5 MB
  // text): room for the text, and the writer grows when that is not enough,
  // at the cost of one copy. Half the text grew (a copy, and twice the room)
  // on nine articles in ten and on the 5 MB text. Room never written is never
  // touched. Cheaper than counting the report as estimated_size does, and
  // never several times a long text.
  TapeWriter out(report.text.size() + 1024);
  TapeSink sink(&out, unit == OffsetUnit::kUtf16 ? span_texts : TapeSpanTexts::kBytes);
  ReportWriter<TapeSink>(report.text, unit, &sink).report(report);
  return out.take();
}

std::string_view report_tape_keys_json() {
  static const std::string keys = [] {
    std::string json = "[";
    for (std::string_view name : kKeyNames) {
      if (json.size() > 1) json += ',';
      json += '"';
      json += name;  // plain identifiers: nothing to escape
      json += '"';
    }
    return json + "]";
  }();
  return keys;
}

}  // namespace ai
