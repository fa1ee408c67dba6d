#include "gazetteer.h"

#include <cstring>

#include "bit_count.h"
#include "hash64.h"
#include "little_endian.h"
#include "text.h"

namespace ai {

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// One byte of a token's FNV-1a hash, with ASCII letters case-folded.
uint64_t fold_and_hash(uint64_t h, unsigned char u) {
  if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + 32);
  return (h ^ u) * kFnvPrime;
}

uint64_t folded_token_hash(std::string_view token) {
  uint64_t h = kFnvBasis;
  for (char c : token) h = fold_and_hash(h, static_cast<unsigned char>(c));
  return h;
}

// Spaces plus newlines in `text`, eight bytes per step: this runs on every
// start of the engine, in wasm before the optimising compiler has seen it.
size_t count_spaces_and_newlines(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  // The high bit of each byte of `v` that is zero, and no other bit.
  auto zero_bytes = [](uint64_t v) { return ~(((v & kLow7) + kLow7) | v | kLow7); };
  size_t count = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    count += static_cast<size_t>(count_set_bits(zero_bytes(word ^ (kOnes * ' '))) +
                                 count_set_bits(zero_bytes(word ^ (kOnes * '\n'))));
  }
  for (; i < text.size(); ++i) count += text[i] == ' ' || text[i] == '\n';
  return count;
}

// The type a gazetteer line starting at `line` names before its tab, and the
// length of that prefix with the tab; -1 if it starts with no "TYPE<tab>".
int line_type(std::string_view line, size_t* prefix_length) {
  static constexpr std::string_view kPrefixes[] = {"PER\t", "ORG\t", "LOC\t", "MISC\t"};
  for (int type = 0; type < 4; ++type) {
    if (line.substr(0, kPrefixes[type].size()) == kPrefixes[type]) {
      *prefix_length = kPrefixes[type].size();
      return type;
    }
  }
  return -1;
}

// The folded token hashes of the name at `text[start]` up to the end of its
// line, when the core tokenizer would just split it at spaces: runs of ASCII
// letters and digits, possibly joined by single hyphens ("Addis Ababa",
// "Al-Muntar"). Most names are like that, and tokenizing them through
// analyze_text was most of the model's load time. Reads the name once,
// and sets `*end` to the end of its line whatever the name is.
struct PlainName {
  bool plain = true;
  size_t tokens = 0;  // may exceed kGazetteerMaxTokens; only that many hashes are kept
  uint64_t hashes[kGazetteerMaxTokens];
};
PlainName read_plain_name(std::string_view text, size_t start, size_t* end) {
  PlainName name;
  uint64_t h = kFnvBasis;
  bool in_token = false;
  auto end_token = [&] {
    if (name.tokens < static_cast<size_t>(kGazetteerMaxTokens)) name.hashes[name.tokens] = h;
    ++name.tokens;
    h = kFnvBasis;
    in_token = false;
  };
  size_t i = start;
  for (; i < text.size() && text[i] != '\n'; ++i) {
    const char c = text[i];
    if (c == ' ') {
      if (in_token) end_token();
      continue;
    }
    // A hyphen joins two letters or digits; the byte before the name is its
    // type's tab, and the one after it a newline, so neither passes.
    const bool joins = c == '-' && is_ascii_alnum(text[i - 1]) && i + 1 < text.size() && is_ascii_alnum(text[i + 1]);
    if (!joins && !is_ascii_alnum(c)) {
      name.plain = false;
      const size_t newline = text.find('\n', i);
      *end = newline == std::string_view::npos ? text.size() : newline;
      return name;
    }
    h = fold_and_hash(h, static_cast<unsigned char>(c));
    in_token = true;
  }
  if (in_token) end_token();
  *end = i;
  return name;
}

}  // namespace

uint64_t gazetteer_key_extend(uint64_t key, std::string_view token) {
  return gazetteer_key_extend_folded_hash(key, folded_token_hash(token));
}

Result<Gazetteer> Gazetteer::parse(std::string_view text) {
  Gazetteer g;
  // About one key per token: size the table once instead of rehashing as it fills.
  g.reserve(count_spaces_and_newlines(text) + 1);
  size_t line_start = 0;
  size_t line_number = 0;
  std::vector<std::string_view> tokens;
  while (line_start < text.size()) {
    ++line_number;
    if (text[line_start] == '\n' || text[line_start] == '#') {
      const size_t newline = text.find('\n', line_start);
      line_start = newline == std::string_view::npos ? text.size() : newline + 1;
      continue;
    }
    size_t prefix_length = 0;
    const int type = line_type(text.substr(line_start), &prefix_length);
    if (type < 0) return Result<Gazetteer>::failure("gazetteer line " + std::to_string(line_number) + " is not TYPE<tab>name");
    const size_t name_start = line_start + prefix_length;
    size_t name_end = name_start;
    const PlainName name = read_plain_name(text, name_start, &name_end);
    line_start = name_end + 1;
    if (name.plain) {
      if (name.tokens <= static_cast<size_t>(kGazetteerMaxTokens)) g.add_hashed(name.hashes, name.tokens, type, 1);
      continue;
    }
    const Document doc = analyze_text(text.substr(name_start, name_end - name_start));
    tokens.clear();
    for (size_t i = 0; i < doc.tokens.size(); ++i) tokens.push_back(doc.token_text(i));
    g.add(tokens, type);
  }
  return g;
}

void Gazetteer::add(const std::vector<std::string_view>& tokens, int type, uint16_t count) {
  if (tokens.size() > static_cast<size_t>(kGazetteerMaxTokens)) return;
  uint64_t hashes[kGazetteerMaxTokens];
  for (size_t i = 0; i < tokens.size(); ++i) hashes[i] = folded_token_hash(tokens[i]);
  add_hashed(hashes, tokens.size(), type, count);
}

std::string Gazetteer::encode() const {
  std::string out;
  append_little_endian(used_, 4, &out);
  for (uint64_t key : keys_)
    if (key != 0) append_little_endian(key, 8, &out);
  for (size_t slot = 0; slot < keys_.size(); ++slot)
    if (keys_[slot] != 0) out.push_back(static_cast<char>(flags_[slot]));
  return out;
}

Result<Gazetteer> Gazetteer::decode(std::string_view bytes) {
  auto fail = [](const char* why) { return Result<Gazetteer>::failure(std::string("gazetteer: ") + why); };
  const auto* at = reinterpret_cast<const unsigned char*>(bytes.data());
  auto get = [&at](int size) {
    const uint64_t v = read_little_endian(at, size);
    at += size;
    return v;
  };
  if (bytes.size() < 4) return fail("truncated");
  const size_t keys = get(4);
  if ((bytes.size() - 4) / 9 != keys || (bytes.size() - 4) % 9 != 0) return fail("its size does not match its key count");
  const unsigned char* const flags = at + keys * 8;
  Gazetteer g;
  size_t size = 1024;
  while (size < keys * 2) size *= 2;
  g.keys_.assign(size, 0);
  g.flags_.assign(size, 0);
  const size_t mask = size - 1;
  for (size_t k = 0; k < keys; ++k) {
    const uint64_t key = get(8);
    const uint8_t key_flags = flags[k];
    if (key == 0) return fail("a key is zero");
    if (key_flags == 0 || key_flags > (kPrefixFlag | 0xF)) return fail("bad flags");
    size_t slot = key & mask;
    while (g.keys_[slot] != 0) {
      if (g.keys_[slot] == key) return fail("a key is repeated");
      slot = (slot + 1) & mask;
    }
    g.keys_[slot] = key;
    g.flags_[slot] = key_flags;
    g.entries_ += (key_flags & 0xF) != 0;
  }
  g.used_ = keys;
  return g;
}

void Gazetteer::add_hashed(const uint64_t* folded_hashes, size_t tokens, int type, uint16_t count) {
  if (tokens == 0 || tokens > static_cast<size_t>(kGazetteerMaxTokens) || type < 0 || type > 3) return;
  // A decoded gazetteer gets its counts when first added to.
  if (counts_.size() != keys_.size()) {
    counts_.resize(keys_.size());
    for (size_t slot = 0; slot < keys_.size(); ++slot)
      for (int t = 0; t < 4; ++t) counts_[slot][t] = (flags_[slot] >> t) & 1;
  }
  uint64_t key = gazetteer_key_start();
  for (size_t i = 0; i < tokens; ++i) {
    key = gazetteer_key_extend_folded_hash(key, folded_hashes[i]);
    const size_t slot = find_or_insert(key);
    if (i + 1 < tokens) {
      flags_[slot] |= kPrefixFlag;
    } else {
      if ((flags_[slot] & 0xF) == 0) ++entries_;
      const uint32_t sum = uint32_t{counts_[slot][type]} + count;
      counts_[slot][type] = static_cast<uint16_t>(sum > 0xFFFF ? 0xFFFF : sum);
      if (counts_[slot][type] > 0) flags_[slot] |= static_cast<uint8_t>(1u << type);
    }
  }
}

GazetteerHit Gazetteer::lookup(uint64_t key, const Gazetteer* held_out) const {
  GazetteerHit hit;
  const size_t slot = find(key);
  if (slot == kMissing) return hit;
  hit.is_prefix = (flags_[slot] & kPrefixFlag) != 0;
  const size_t own = held_out != nullptr ? held_out->find(key) : kMissing;
  if (own == kMissing) {
    hit.types = flags_[slot] & 0xF;
    return hit;
  }
  for (int t = 0; t < 4; ++t) {
    const int remaining = int{count(slot, t)} - int{held_out->count(own, t)};
    if (remaining > 0) hit.types |= static_cast<uint8_t>(1u << t);
  }
  return hit;
}

void Gazetteer::reserve(size_t keys) {
  size_t size = 1024;
  while (size < keys * 2) size *= 2;
  if (size <= keys_.size()) return;
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint8_t> old_flags = std::move(flags_);
  std::vector<std::array<uint16_t, 4>> old_counts = std::move(counts_);
  keys_.assign(size, 0);
  flags_.assign(size, 0);
  counts_.assign(size, {0, 0, 0, 0});
  used_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    const size_t slot = find_or_insert(old_keys[i]);
    flags_[slot] = old_flags[i];
    counts_[slot] = old_counts[i];
  }
}

size_t Gazetteer::find_or_insert(uint64_t key) {
  if ((used_ + 1) * 2 > keys_.size()) reserve(used_ + 1);
  const size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return i;
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++used_;
      return i;
    }
  }
}

size_t Gazetteer::find(uint64_t key) const {
  if (keys_.empty()) return kMissing;
  const size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return i;
    if (keys_[i] == 0) return kMissing;
  }
}

}  // namespace ai
