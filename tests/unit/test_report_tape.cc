// The report tape (tape_writer.h, report_to_tape): its byte encoding, and the
// tape read back (by a reader written here as the JS one is) against the
// report JSON: same keys in the same order, same values, for every offset unit.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_json.h"
#include "tape_writer.h"
#include "test_helpers.h"
#include "utf8.h"

namespace {

using ordered_json = nlohmann::ordered_json;  // keeps keys in tape order, so order is checked too

std::string bytes(std::initializer_list<unsigned> values) {
  std::string out;
  for (unsigned v : values) out += static_cast<char>(v);
  return out;
}

// Byte offset of each UTF-16 offset in well-formed `text` (the end included).
std::vector<size_t> byte_offsets_by_utf16(std::string_view text) {
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 0;
    const char32_t cp = ai::decode_code_point(text, pos, &length);
    offsets.push_back(pos);
    if (cp >= 0x10000) offsets.push_back(pos);  // mid-pair: no byte offset; never a span boundary
    pos += length;
  }
  offsets.push_back(text.size());
  return offsets;
}

// Reads a tape as the JavaScript reader does. `text` stands in for the JS
// string: a slice is its bytes between the span's UTF-16 offsets.
class TapeReader {
 public:
  // Reads `tape` and `text`, which must outlive the reader.
  TapeReader(std::string_view tape, std::string_view text)
      : tape_(tape), text_(text), byte_offsets_(byte_offsets_by_utf16(text)) {
    for (const auto& key : nlohmann::json::parse(ai::report_tape_keys_json())) keys_.push_back(key.get<std::string>());
  }

  ordered_json read() {
    ordered_json value = read_value(next());
    REQUIRE(pos_ == tape_.size());
    return value;
  }
  size_t slices() const { return slices_; }

 private:
  uint8_t next() {
    REQUIRE(pos_ < tape_.size());
    return static_cast<uint8_t>(tape_[pos_++]);
  }
  uint64_t varint() {
    uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
      const uint8_t byte = next();
      value |= uint64_t{byte & 0x7Fu} << shift;
      if (byte < 0x80) return value;
    }
  }
  // Reads a size and that many bytes; stores the size at `size_out` if given.
  std::string string(size_t* size_out = nullptr) {
    const size_t size = varint();
    if (size_out != nullptr) *size_out = size;
    REQUIRE(tape_.size() - pos_ >= size);
    std::string out = ai::repair_utf8(tape_.substr(pos_, size)).text;  // what TextDecoder gives
    pos_ += size;
    return out;
  }
  // The text of a span at these UTF-16 offsets: a slice, or bytes.
  std::string span_text(uint8_t tag, size_t start, size_t end) {
    if (tag == ai::TapeWriter::kSpanTextSlice) {
      REQUIRE(end < byte_offsets_.size());
      ++slices_;
      return std::string(text_.substr(byte_offsets_[start], byte_offsets_[end] - byte_offsets_[start]));
    }
    REQUIRE(tag == ai::TapeWriter::kSpanText);
    return string();
  }
  ordered_json read_value(uint8_t tag) {
    switch (tag) {
      case ai::TapeWriter::kObjectBegin: {
        ordered_json object = ordered_json::object();
        for (uint8_t key_tag = next(); key_tag != ai::TapeWriter::kObjectEnd; key_tag = next()) {
          REQUIRE(key_tag >= ai::TapeWriter::kKeyBase);
          REQUIRE(key_tag - ai::TapeWriter::kKeyBase < keys_.size());
          const std::string& key = keys_[key_tag - ai::TapeWriter::kKeyBase];
          const uint8_t value_tag = next();
          if (value_tag == ai::TapeWriter::kSpanTextSlice) {
            object[key] = span_text(value_tag, object.at("start").get<size_t>(), object.at("end").get<size_t>());
          } else {
            object[key] = read_value(value_tag);
          }
        }
        return object;
      }
      case ai::TapeWriter::kArrayBegin: {
        ordered_json array = ordered_json::array();
        for (uint8_t tag_of_element = next(); tag_of_element != ai::TapeWriter::kArrayEnd; tag_of_element = next()) {
          array.push_back(read_value(tag_of_element));
        }
        return array;
      }
      case ai::TapeWriter::kString: {
        size_t size = 0;
        std::string out = string(&size);
        if (size >= 1 && size <= ai::TapeWriter::kMaxInternedBytes) interned_.push_back(out);
        return out;
      }
      case ai::TapeWriter::kStringRef: {
        const uint64_t index = varint();
        REQUIRE(index < interned_.size());
        return interned_[index];
      }
      case ai::TapeWriter::kSpanText:
        return string();
      case ai::TapeWriter::kSpan: {
        ordered_json object = ordered_json::object();
        const size_t end = varint();
        const size_t start = varint();
        object["end"] = end;
        object["start"] = start;
        object["text"] = span_text(next(), start, end);
        return object;
      }
      case ai::TapeWriter::kUnsigned:
        return varint();
      case ai::TapeWriter::kDouble: {
        double value;
        REQUIRE(tape_.size() - pos_ >= sizeof value);
        std::memcpy(&value, tape_.data() + pos_, sizeof value);
        pos_ += sizeof value;
        return value;
      }
      case ai::TapeWriter::kTrue: return true;
      case ai::TapeWriter::kFalse: return false;
      case ai::TapeWriter::kNull: return nullptr;
      default: FAIL("unknown tag " << int{tag}); return nullptr;
    }
  }

  std::string_view tape_;
  std::string_view text_;
  std::vector<size_t> byte_offsets_;
  std::vector<std::string> keys_;
  std::vector<std::string> interned_;
  size_t pos_ = 0;
  size_t slices_ = 0;
};

const ai::OffsetUnit kUnits[] = {ai::OffsetUnit::kUtf16, ai::OffsetUnit::kCodePoint, ai::OffsetUnit::kByte};

// Checks that both ways of carrying span texts read back as the report JSON.
// Returns how many span texts went as slices.
size_t check_tape_matches_json(const ai::Report& report) {
  size_t slices = 0;
  for (ai::OffsetUnit unit : kUnits) {
    const std::string json = ai::report_to_json(report, unit);
    for (ai::TapeSpanTexts span_texts : {ai::TapeSpanTexts::kBytes, ai::TapeSpanTexts::kSliceWhenWhole}) {
      INFO("unit " << static_cast<int>(unit) << ", span texts " << static_cast<int>(span_texts));
      const std::string tape = ai::report_to_tape(report, unit, span_texts);
      TapeReader reader(tape, report.text);
      CHECK(reader.read().dump() == json);
      if (unit != ai::OffsetUnit::kUtf16 || span_texts == ai::TapeSpanTexts::kBytes) CHECK(reader.slices() == 0);
      slices += reader.slices();
    }
  }
  return slices;
}

}  // namespace

TEST_CASE("TapeWriter encodes each value as tape_writer.h describes", "[tape]") {
  struct Case {
    const char* name;
    void (*write)(ai::TapeWriter&);
    std::string expected;
  };
  const Case cases[] = {
      {"empty object", [](ai::TapeWriter& t) { t.begin_object(); t.end_object(); }, bytes({1, 2})},
      {"empty array", [](ai::TapeWriter& t) { t.begin_array(); t.end_array(); }, bytes({3, 4})},
      {"key 0 and key 239", [](ai::TapeWriter& t) { t.key(0); t.key(239); }, bytes({16, 255})},
      {"varint 0", [](ai::TapeWriter& t) { t.unsigned_number(0); }, bytes({8, 0})},
      {"varint 127", [](ai::TapeWriter& t) { t.unsigned_number(127); }, bytes({8, 0x7F})},
      {"varint 128", [](ai::TapeWriter& t) { t.unsigned_number(128); }, bytes({8, 0x80, 0x01})},
      {"varint 300", [](ai::TapeWriter& t) { t.unsigned_number(300); }, bytes({8, 0xAC, 0x02})},
      {"varint 2^53 - 1", [](ai::TapeWriter& t) { t.unsigned_number((uint64_t{1} << 53) - 1); },
       bytes({8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F})},
      {"2^53 becomes a double", [](ai::TapeWriter& t) { t.unsigned_number(uint64_t{1} << 53); },
       bytes({9, 0, 0, 0, 0, 0, 0, 0x40, 0x43})},
      {"2^64 - 1 rounds to 2^64", [](ai::TapeWriter& t) { t.unsigned_number(~uint64_t{0}); },
       bytes({9, 0, 0, 0, 0, 0, 0, 0xF0, 0x43})},
      {"double 1.5", [](ai::TapeWriter& t) { t.double_number(1.5); }, bytes({9, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F})},
      {"double -0.0 keeps its sign", [](ai::TapeWriter& t) { t.double_number(-0.0); },
       bytes({9, 0, 0, 0, 0, 0, 0, 0, 0x80})},
      {"infinity is null", [](ai::TapeWriter& t) { t.double_number(std::numeric_limits<double>::infinity()); },
       bytes({12})},
      {"NaN is null", [](ai::TapeWriter& t) { t.double_number(std::nan("")); }, bytes({12})},
      {"booleans and null", [](ai::TapeWriter& t) { t.boolean(true); t.boolean(false); t.null(); },
       bytes({10, 11, 12})},
      {"string", [](ai::TapeWriter& t) { t.string("a\"\n"); }, bytes({5, 3, 'a', '"', '\n'})},
      {"string with NUL and ill-formed bytes, as they are",
       [](ai::TapeWriter& t) { t.string(std::string("\0\xFF", 2)); }, bytes({5, 2, 0, 0xFF})},
      {"empty string", [](ai::TapeWriter& t) { t.string(""); }, bytes({5, 0})},
      {"span text and slice", [](ai::TapeWriter& t) { t.span_text("ab"); t.span_text_slice(); },
       bytes({6, 2, 'a', 'b', 7})},
      {"a repeated short string goes by index",
       [](ai::TapeWriter& t) { t.string("km"); t.string("m"); t.string("km"); t.string("m"); t.string("km"); },
       bytes({5, 2, 'k', 'm', 5, 1, 'm', 13, 0, 13, 1, 13, 0})},
      {"empty and span texts are not interned",
       [](ai::TapeWriter& t) { t.string(""); t.span_text("ab"); t.string("ab"); t.string(""); t.string("ab"); },
       bytes({5, 0, 6, 2, 'a', 'b', 5, 2, 'a', 'b', 5, 0, 13, 0})},
      {"span", [](ai::TapeWriter& t) { t.begin_span(300, 2); t.span_text_slice(); }, bytes({14, 0xAC, 0x02, 2, 7})},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    ai::TapeWriter tape;
    c.write(tape);
    CHECK(tape.take() == c.expected);
  }
}

TEST_CASE("TapeWriter writes long strings with a multi-byte length and starts over after take", "[tape]") {
  ai::TapeWriter tape(/*expected_size=*/4);
  const std::string long_text(200, 'x');
  tape.string(long_text);
  CHECK(tape.take() == bytes({5, 0xC8, 0x01}) + long_text);
  tape.null();
  CHECK(tape.take() == bytes({12}));
}

TEST_CASE("TapeWriter interns strings up to kMaxInternedBytes, and hundreds of them", "[tape]") {
  ai::TapeWriter tape;
  const std::string longest(ai::TapeWriter::kMaxInternedBytes, 'x');
  const std::string too_long(ai::TapeWriter::kMaxInternedBytes + 1, 'x');
  tape.string(longest);
  tape.string(too_long);
  tape.string(longest);
  tape.string(too_long);
  CHECK(tape.take() == bytes({5, 31}) + longest + bytes({5, 32}) + too_long + bytes({13, 0}) + bytes({5, 32}) + too_long);
  // Past the table's first size: each string keeps its index.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 300; ++i) tape.string("s" + std::to_string(i));
  }
  const std::string twice = tape.take();
  std::string expected;
  for (int i = 0; i < 300; ++i) {
    const std::string s = "s" + std::to_string(i);
    expected += bytes({5, static_cast<unsigned>(s.size())}) + s;
  }
  for (int i = 0; i < 300; ++i) expected += i < 128 ? bytes({13, static_cast<unsigned>(i)}) : bytes({13, 0x80u | (i & 0x7F), static_cast<unsigned>(i >> 7)});
  CHECK(twice == expected);
}

TEST_CASE("The tape's key table is a JSON array of distinct names", "[tape]") {
  const nlohmann::json keys = nlohmann::json::parse(ai::report_tape_keys_json());
  REQUIRE(keys.is_array());
  CHECK(keys.size() <= ai::TapeWriter::kMaxKeys);
  std::vector<std::string> names = keys.get<std::vector<std::string>>();
  CHECK(std::find(names.begin(), names.end(), "readingMinutes") != names.end());
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
}

TEST_CASE("The report tape reads back as the report JSON for a built report", "[tape]") {
  ai::Report report;
  report.text = "Up 5 km, or \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 more than 1,200 people.";
  ai::Figure km;
  km.span = {3, 7};
  km.kind = ai::FigureKind::kMeasure;
  km.value = {-0.0, -0.0};
  km.unit = "km";
  km.normalized = ai::Amount{5000, std::numeric_limits<double>::infinity()};
  km.normalized_unit = "m";
  ai::Figure emoji;  // cuts the emoji in two: its text must go as bytes (read as U+FFFD)
  emoji.span = {report.text.find("\xF0") + 1, report.text.find(" more")};
  emoji.kind = ai::FigureKind::kCount;
  emoji.value = {1e21, 0.1 + 0.2};
  emoji.date_text = "2020s";
  report.figures = {km, emoji};
  ai::Check check;
  check.kind = "unit-conversion";
  check.message = "caf\xC3\xA9";
  check.spans = {km.span, ai::Span{0, report.text.size()}};
  report.checks = {check};
  // A six-byte varint where size_t allows (not in wasm32), else a five-byte one.
  report.stats.characters = static_cast<size_t>(sizeof(size_t) >= 8 ? uint64_t{1} << 40 : uint64_t{1} << 31);
  report.stats.reading_minutes = 2.25;
  report.warnings = {{"code", std::string("nul \0 and \x01", 11)}};
  // Slices: km, the two check spans; the emoji's cut span never.
  CHECK(check_tape_matches_json(report) == 3);
  CHECK(check_tape_matches_json(ai::Report{}) == 0);
}

TEST_CASE("The report tape reads back as the report JSON for inspected texts", "[tape]") {
  const std::string texts[] = {
      "LONDON (Reuters) - Prime Minister Boris Johnson said on Tuesday that 1,500 troops, about 40% of the force, "
      "would leave by 2023. \"We are not done,\" he told reporters.\n\nOfficials said the cost was \xC2\xA3" "4.5bn "
      "(about $6.1bn), up from \xC2\xA3" "3bn in 2019.",
      std::string("Caf\xE9 owners\x01 in Par\xC3\xADs \xE2\x82 said\0 the 5 km road \xF0\x9F\x98\x80 was closed.", 62),
      "Temperatures reached 40C (104F)\r\nin Madrid, where 3 million \xF0\x9F\x98\x80 people live; a rise of 2.5%.\r\n"
      "\"It is \xE2\x80\x9Chot\xE2\x80\x9D,\" said Ana Garc\xC3\xAD" "a, 45, of the Spanish Met Office.",
      std::string("\0\0NUL\0 Reuters said 5% \x7F\x1B[0m of \xED\xA0\x80 sales fell.", 44),
  };
  size_t slices = 0;
  for (const std::string& text : texts) {
    const ai::Result<ai::Report> report = ai_test::inspector().inspect(text, {});
    REQUIRE(report.ok());
    INFO(text);
    slices += check_tape_matches_json(report.value());
  }
  CHECK(slices > 0);
}

TEST_CASE("The report tape reads back as the report JSON for the sample articles", "[tape]") {
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
    INFO(entry.path());
    check_tape_matches_json(report.value());
  }
  CHECK(articles > 0);
}
