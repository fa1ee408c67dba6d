#include "options_json.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "json_writer.h"

namespace ai {

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}


// ---- A strict JSON reader with nlohmann::json's acceptance rules (RFC 8259,
// an optional leading UTF-8 BOM, no comments, numbers that overflow a double
// rejected), so that exactly the documents nlohmann parsed are accepted and
// error messages that quote a value spell it as nlohmann's dump() did.
// Validation is iterative, so deep nesting cannot exhaust the stack.

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skip_space(std::string_view t, size_t pos) {
  while (pos < t.size() && is_space(t[pos])) ++pos;
  return pos;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the 4 hex digits of a \u escape at t[pos]; -1 when they are not there.
long read_hex4(std::string_view t, size_t pos) {
  if (pos + 4 > t.size()) return -1;
  long value = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    const int digit = hex_digit(t[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Reads the string whose opening quote is at t[*pos]; moves *pos past its
// closing quote and appends the decoded text to `out` (if not null).
bool read_string(std::string_view t, size_t* pos, std::string* out) {
  size_t i = *pos + 1;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '"') {
      *pos = i + 1;
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {
      const Utf8Sequence sequence = read_utf8_sequence(t, i);
      if (!sequence.valid) return false;
      if (out != nullptr) out->append(t.data() + i, sequence.length);
      i += sequence.length;
      continue;
    }
    if (c != '\\') {
      if (out != nullptr) out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (i + 1 >= t.size()) return false;
    const char escaped = t[i + 1];
    static constexpr std::string_view kShort = "\"\\/bfnrt";
    static constexpr std::string_view kDecoded = "\"\\/\b\f\n\r\t";
    if (const size_t k = kShort.find(escaped); k != std::string_view::npos) {
      if (out != nullptr) out->push_back(kDecoded[k]);
      i += 2;
      continue;
    }
    if (escaped != 'u') return false;
    long code = read_hex4(t, i + 2);
    i += 6;
    if (code < 0 || (code >= 0xDC00 && code <= 0xDFFF)) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {  // must pair with a low surrogate
      const long low = i + 1 < t.size() && t[i] == '\\' && t[i + 1] == 'u' ? read_hex4(t, i + 2) : -1;
      if (low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      i += 6;
    }
    if (out != nullptr) append_utf8(static_cast<char32_t>(code), out);
  }
  return false;
}

// A JSON number as nlohmann stores it: a signed integer when negative and in
// range, an unsigned one when non-negative and in range, otherwise a double.
struct Number {
  enum class Kind { kInteger, kUnsigned, kDouble } kind = Kind::kDouble;
  int64_t integer = 0;
  uint64_t unsigned_integer = 0;
  double real = 0;
};

// Reads the number at t[*pos] and moves *pos past it; false when the grammar
// does not match or the value overflows a double.
bool read_number(std::string_view t, size_t* pos, Number* number) {
  size_t i = *pos;
  auto digits = [&] {
    const size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > from;
  };
  const bool negative = i < t.size() && t[i] == '-';
  if (negative) ++i;
  if (i < t.size() && t[i] == '0') ++i;
  else if (!digits()) return false;
  bool integral = true;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
    integral = false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
    integral = false;
  }
  const std::string token(t.substr(*pos, i - *pos));
  *pos = i;
  errno = 0;
  if (integral && negative) {
    number->integer = std::strtoll(token.c_str(), nullptr, 10);
    number->kind = Number::Kind::kInteger;
    if (errno == 0) return true;
  } else if (integral) {
    number->unsigned_integer = std::strtoull(token.c_str(), nullptr, 10);
    number->kind = Number::Kind::kUnsigned;
    if (errno == 0) return true;
  }
  number->kind = Number::Kind::kDouble;  // also an integer out of range, as nlohmann does
  number->real = std::strtod(token.c_str(), nullptr);
  return std::isfinite(number->real);
}

// Reads a string, number or literal at t[*pos] and moves *pos past it.
bool read_scalar(std::string_view t, size_t* pos) {
  if (*pos >= t.size()) return false;
  const char c = t[*pos];
  if (c == '"') return read_string(t, pos, nullptr);
  for (std::string_view literal : {"true", "false", "null"}) {
    if (t.substr(*pos, literal.size()) == literal) {
      *pos += literal.size();
      return true;
    }
  }
  Number ignored;
  return read_number(t, pos, &ignored);
}

// True when `t` is one JSON value in optional white space (and, as nlohmann
// reads it, anything after a NUL byte).
bool is_valid_json(std::string_view t) {
  std::vector<char> open;  // '[' or '{' of each enclosing container
  size_t pos = skip_space(t, 0);
  // After '{' or ',' in an object: a key and its colon; then the value.
  auto member_key = [&] {
    if (pos >= t.size() || t[pos] != '"' || !read_string(t, &pos, nullptr)) return false;
    pos = skip_space(t, pos);
    if (pos >= t.size() || t[pos] != ':') return false;
    pos = skip_space(t, pos + 1);
    return true;
  };
  for (;;) {
    // A value starts at pos.
    if (pos < t.size() && (t[pos] == '[' || t[pos] == '{')) {
      const char bracket = t[pos];
      pos = skip_space(t, pos + 1);
      if (pos < t.size() && t[pos] == (bracket == '[' ? ']' : '}')) {
        ++pos;
      } else {
        open.push_back(bracket);
        if (bracket == '{' && !member_key()) return false;
        continue;
      }
    } else if (!read_scalar(t, &pos)) {
      return false;
    }
    // A value ended at pos: close containers until one expects another value.
    for (;;) {
      pos = skip_space(t, pos);
      if (open.empty()) return pos == t.size() || t[pos] == '\0';  // nlohmann ends the input at a NUL
      if (pos >= t.size()) return false;
      const char closing = open.back() == '[' ? ']' : '}';
      if (t[pos] == closing) {
        open.pop_back();
        ++pos;
        continue;
      }
      if (t[pos] != ',') return false;
      pos = skip_space(t, pos + 1);
      if (open.back() == '{' && !member_key()) return false;
      break;
    }
  }
}

// ---- Walking a document known to be valid.

// Returns the position just past the value that starts at t[pos].
size_t skip_value(std::string_view t, size_t pos) {
  int depth = 0;
  do {
    const char c = t[pos];
    if (c == '"') {
      read_string(t, &pos, nullptr);
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    else if (c == ']' || c == '}') --depth;
    else if (depth == 0) {  // a number or literal on its own
      while (pos < t.size() && !is_space(t[pos]) && t[pos] != ',' && t[pos] != ']' && t[pos] != '}') ++pos;
      return pos;
    }
    ++pos;
  } while (depth > 0);
  return pos;
}

// Calls `on_item(begin, end)` for each element of the array or each
// (key, begin, end) member of the object that starts at t[pos].
template <typename F>
void for_each_element(std::string_view t, size_t pos, F&& on_item) {
  const bool object = t[pos] == '{';
  pos = skip_space(t, pos + 1);
  while (t[pos] != ']' && t[pos] != '}') {
    std::string key;
    if (object) {
      read_string(t, &pos, &key);
      pos = skip_space(t, skip_space(t, pos) + 1);  // past the colon
    }
    const size_t end = skip_value(t, pos);
    if constexpr (std::is_invocable_v<F, size_t, size_t>) on_item(pos, end);
    else on_item(std::move(key), pos, end);
    pos = skip_space(t, end);
    if (t[pos] == ',') pos = skip_space(t, pos + 1);
  }
}

// An object's members as nlohmann keeps them: sorted by key, the last of
// duplicate keys winning. Each value is its span [begin, end) in the text.
struct Member {
  std::string key;
  size_t begin;
  size_t end;
};
std::vector<Member> sorted_members(std::string_view t, size_t pos) {
  std::vector<Member> members;
  for_each_element(t, pos, [&](std::string key, size_t begin, size_t end) {
    members.push_back({std::move(key), begin, end});
  });
  std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
  std::vector<Member> unique;
  for (Member& m : members) {
    if (!unique.empty() && unique.back().key == m.key) unique.back() = std::move(m);
    else unique.push_back(std::move(m));
  }
  return unique;
}

// Writes the value at t[pos] as nlohmann's dump() would: compact, keys sorted.
void dump_value(std::string_view t, size_t pos, JsonWriter* out) {
  const char c = t[pos];
  if (c == '"') {
    std::string text;
    read_string(t, &pos, &text);
    out->string(text);
  } else if (c == '[') {
    out->raw("[");
    bool first = true;
    for_each_element(t, pos, [&](size_t begin, size_t) {
      if (!first) out->raw(",");
      first = false;
      dump_value(t, begin, out);
    });
    out->raw("]");
  } else if (c == '{') {
    out->raw("{");
    bool first = true;
    for (const Member& m : sorted_members(t, pos)) {
      if (!first) out->raw(",");
      first = false;
      out->string(m.key);
      out->raw(":");
      dump_value(t, m.begin, out);
    }
    out->raw("}");
  } else if (c == 't' || c == 'f' || c == 'n') {
    out->raw(c == 't' ? "true" : c == 'f' ? "false" : "null");
  } else {
    Number number;
    read_number(t, &pos, &number);
    if (number.kind == Number::Kind::kDouble) {
      out->double_number(number.real);
    } else if (number.kind == Number::Kind::kUnsigned) {
      out->unsigned_number(number.unsigned_integer);
    } else {
      if (number.integer < 0) out->raw("-");
      out->unsigned_number(number.integer < 0 ? 0 - static_cast<uint64_t>(number.integer)
                                              : static_cast<uint64_t>(number.integer));
    }
  }
}

std::string dump(std::string_view t, size_t pos) {
  JsonWriter out;
  dump_value(t, pos, &out);
  return out.take();
}

// The decoded string at t[pos], or nothing when the value is not a string.
std::optional<std::string> string_value(std::string_view t, size_t pos) {
  if (t[pos] != '"') return std::nullopt;
  std::string text;
  read_string(t, &pos, &text);
  return text;
}

}  // namespace

Result<CivilDate> parse_iso_date(std::string_view text) {
  auto digits = [&](size_t from, size_t count, int* out) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    *out = value;
    return true;
  };
  CivilDate date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, &date.year) || !digits(5, 2, &date.month) ||
      !digits(8, 2, &date.day) || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return Result<CivilDate>::failure("referenceDate must be a date written YYYY-MM-DD, got \"" + std::string(text) + "\"");
  }
  return date;
}

Result<ParsedOptions> parse_options_json(std::string_view text) {
  using Failure = Result<ParsedOptions>;
  ParsedOptions parsed;
  if (text.empty()) return parsed;
  if (text[0] == '\xEF') {  // nlohmann skips a UTF-8 byte order mark
    if (text.substr(0, 3) != "\xEF\xBB\xBF") return Failure::failure("options must be a JSON object");
    text.remove_prefix(3);
  }
  const size_t start = skip_space(text, 0);
  if (!is_valid_json(text) || text[start] != '{') return Failure::failure("options must be a JSON object");
  for (const Member& member : sorted_members(text, start)) {
    const std::string& key = member.key;
    const size_t value = member.begin;
    if (key == "kinds") {
      if (text[value] != '[') return Failure::failure("options.kinds must be an array of strings");
      Kinds kinds{false, false, false, false, false, false};
      std::string unknown;  // the first element that names no kind, as dumped
      for_each_element(text, value, [&](size_t begin, size_t) {
        if (!unknown.empty()) return;
        const std::string name = string_value(text, begin).value_or("");
        if (name == "entities") kinds.entities = true;
        else if (name == "figures") kinds.figures = true;
        else if (name == "quotes") kinds.quotes = true;
        else if (name == "sources") kinds.sources = true;
        else if (name == "boilerplate") kinds.boilerplate = true;
        else if (name == "checks") kinds.checks = true;
        else unknown = dump(text, begin);
      });
      if (!unknown.empty())
        return Failure::failure("options.kinds: unknown kind " + unknown +
                                " (expected entities, figures, quotes, sources, boilerplate, checks)");
      parsed.inspect.kinds = kinds;
    } else if (key == "referenceDate") {
      if (text[value] == 'n') continue;  // null
      const std::optional<std::string> written = string_value(text, value);
      if (!written) return Failure::failure("options.referenceDate must be a string YYYY-MM-DD");
      Result<CivilDate> date = parse_iso_date(*written);
      if (!date.ok()) return Failure::failure("options." + date.error());
      parsed.inspect.reference_date = date.value();
    } else if (key == "offsets") {
      const std::string unit = string_value(text, value).value_or("");
      if (unit == "utf16") parsed.offsets = OffsetUnit::kUtf16;
      else if (unit == "codepoint") parsed.offsets = OffsetUnit::kCodePoint;
      else if (unit == "byte") parsed.offsets = OffsetUnit::kByte;
      else return Failure::failure("options.offsets must be \"utf16\", \"codepoint\" or \"byte\"");
    } else if (key == "phoneNumbers") {
      if (text[value] != 't' && text[value] != 'f') return Failure::failure("options.phoneNumbers must be a boolean");
      parsed.inspect.phone_numbers = text[value] == 't';
    } else {
      return Failure::failure("unknown option \"" + key + "\"");
    }
  }
  return parsed;
}

}  // namespace ai
