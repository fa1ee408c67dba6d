#include "gazetteer.h"

#include "hash64.h"
#include "text.h"

namespace ai {

namespace {

int type_from_name(std::string_view name) {
  if (name == "PER") return 0;
  if (name == "ORG") return 1;
  if (name == "LOC") return 2;
  if (name == "MISC") return 3;
  return -1;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Splits `name` into the tokens the core tokenizer would give, when that is
// just splitting at spaces: runs of ASCII letters and digits, possibly joined
// by single hyphens ("Addis Ababa", "Al-Muntar"). Most names are like that,
// and tokenizing them through analyze_text was most of the model's load
// time. Returns false, leaving `tokens` to the tokenizer, for anything else
// (periods, apostrophes, commas, other punctuation, non-ASCII letters).
bool split_plain_name(std::string_view name, std::vector<std::string_view>* tokens) {
  tokens->clear();
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ' ';
    if (c == ' ') {
      if (i > start) tokens->push_back(name.substr(start, i - start));
      start = i + 1;
    } else if (c == '-') {
      if (i == start || i + 1 >= name.size() || !is_ascii_alnum(name[i - 1]) || !is_ascii_alnum(name[i + 1])) return false;
    } else if (!is_ascii_alnum(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace

uint64_t gazetteer_key_extend(uint64_t key, std::string_view token) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : token) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + 32);
    h = (h ^ u) * 0x100000001b3ULL;
  }
  return gazetteer_key_extend_folded_hash(key, h);
}

Result<Gazetteer> Gazetteer::parse(std::string_view text) {
  Gazetteer g;
  // About one key per token: size the table once instead of rehashing as it fills.
  size_t tokens_estimate = 1;
  for (char c : text) tokens_estimate += c == ' ' || c == '\n';
  g.reserve(tokens_estimate);
  size_t line_start = 0;
  size_t line_number = 0;
  std::vector<std::string_view> tokens;
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const int type = tab == std::string_view::npos ? -1 : type_from_name(line.substr(0, tab));
    if (type < 0) return Result<Gazetteer>::failure("gazetteer line " + std::to_string(line_number) + " is not TYPE<tab>name");
    const std::string_view name = line.substr(tab + 1);
    if (!split_plain_name(name, &tokens)) {
      const Document doc = analyze_text(name);
      tokens.clear();
      for (size_t i = 0; i < doc.tokens.size(); ++i) tokens.push_back(doc.token_text(i));
    }
    g.add(tokens, type);
  }
  return g;
}

void Gazetteer::add(const std::vector<std::string_view>& tokens, int type, uint16_t count) {
  if (tokens.empty() || tokens.size() > static_cast<size_t>(kGazetteerMaxTokens) || type < 0 || type > 3) return;
  uint64_t key = gazetteer_key_start();
  for (size_t i = 0; i < tokens.size(); ++i) {
    key = gazetteer_key_extend(key, tokens[i]);
    const size_t slot = find_or_insert(key);
    if (i + 1 < tokens.size()) {
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
    const int remaining = int{counts_[slot][t]} - int{held_out->counts_[own][t]};
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
