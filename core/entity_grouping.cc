#include "entity_grouping.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "hash64.h"
#include "thread_scratch.h"

namespace ai {

namespace {

char fold_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Whether `a` and `b` are the same with ASCII letters case-folded.
bool same_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (fold_char(a[i]) != fold_char(b[i])) return false;
  return true;
}

// The eight bytes `v` with ASCII capitals made lower case, all at once: a
// byte gets 0x20 where its low seven bits are 'A'..'Z' and its top bit is
// clear. (No carry crosses a byte: a seven-bit value plus 0x3F stays below 0x100.)
uint64_t fold_eight(uint64_t v) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL, kHigh = 0x8080808080808080ULL;
  const uint64_t low7 = v & kLow7;
  const uint64_t at_least_a = low7 + 0x3F3F3F3F3F3F3F3FULL;   // top bit: >= 'A' (0x41)
  const uint64_t past_z = low7 + 0x2525252525252525ULL;       // top bit: >= '[' (0x5B)
  const uint64_t capital = at_least_a & ~past_z & ~v & kHigh;
  return v | (capital >> 2);
}

// A hash of `word` case-folded (ASCII), the same for any two words that
// same_folded calls equal. It reads eight bytes at a time, up to
// `readable_end` (the end of the buffer `word` lies in): a word's last
// bytes are loaded with the ones after them, then masked, wherever eight
// bytes remain readable, and copied one by one only at the buffer's end.
uint64_t folded_hash(std::string_view word, const char* readable_end) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  uint64_t h = word.size();
  const char* at = word.data();
  size_t left = word.size();
  for (; left >= 8; at += 8, left -= 8) {
    uint64_t eight;
    std::memcpy(&eight, at, 8);
    h = (h ^ fold_eight(eight)) * kMultiplier;
  }
  if (left > 0) {
    uint64_t rest = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (readable_end - at >= 8) {
      std::memcpy(&rest, at, 8);
      rest &= (uint64_t{1} << (8 * left)) - 1;
    } else
#endif
    {
      (void)readable_end;
      for (size_t i = 0; i < left; ++i) rest |= uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    }
    h = (h ^ fold_eight(rest)) * kMultiplier;
  }
  return mix64(h);
}

// A fixed set of folded words, probed with a word in any case: a small
// open-addressed table, since role finding asks about every word near a name.
class FoldedWordSet {
 public:
  template <size_t N>
  explicit FoldedWordSet(const std::string_view (&words)[N]) {
    while (slots_.size() < 2 * N) slots_.resize(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::string_view w : words) {
      longest_ = std::max(longest_, w.size());
      size_t i = folded_hash(w, w.data() + w.size()) & (slots_.size() - 1);
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = w;
    }
  }
  // Whether the set holds `word`, which lies in a buffer ending at `readable_end`.
  bool contains(std::string_view word, const char* readable_end) const {
    if (word.empty() || word.size() > longest_) return false;
    for (size_t i = folded_hash(word, readable_end) & (slots_.size() - 1); !slots_[i].empty(); i = (i + 1) & (slots_.size() - 1))
      if (same_folded(slots_[i], word)) return true;
    return false;
  }

 private:
  std::vector<std::string_view> slots_;  // empty = free (no word is empty)
  size_t longest_ = 0;
};

// Head nouns of titles and roles (folded).
const std::string_view kRoleHeads[] = {
    "president", "minister", "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson", "secretary", "chairman",
    "chairwoman", "chair", "leader", "director", "chief", "head", "official", "ambassador", "governor", "mayor", "senator",
    "commander", "general", "analyst", "professor", "editor", "correspondent", "reporter", "manager", "executive", "founder",
    "king", "queen", "prince", "princess", "pope", "judge", "lawyer", "attorney", "coach", "captain", "striker", "economist",
    "envoy", "representative", "congressman", "congresswoman", "diplomat", "deputy", "adviser", "advisor", "officer",
    "inspector", "colonel", "lieutenant", "sergeant", "admiral", "marshal", "bishop", "archbishop", "cardinal", "ceo",
    "lawmaker", "candidate", "prosecutor", "sheikh", "emir", "sultan", "superintendent", "commissioner", "mp", "manager",
    "boss", "owner", "partner", "researcher", "scientist", "activist", "vice-president", "prime", "rep.", "sen.", "gen.",
    "gov.", "pres."};
// Words that end a role phrase when reading outwards from a name.
const std::string_view kRoleStops[] = {
    "said", "says", "told", "who", "which", "that", "and", "or", "but", "has", "have", "had", "was", "is", "were", "are",
    "will", "would", "'s", "\xE2\x80\x99s", "in", "on", "at", "by", "with", "to", "from", "for", "as", "of", "the", "a",
    "an", "his", "her", "their", "its", "when", "after", "before", "while", "if", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "dr", "dr.", "sir", "according"};
const std::string_view kDeterminers[] = {"the", "a", "an", "its", "his", "her", "their"};
const std::string_view kHonorifics[] = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady"};
const std::string_view kConnectors[] = {"of", "and", "for", "the", "on", "de", "&"};
// Words that end an appositive: it is a clause, not a role.
const std::string_view kClauseWords[] = {"who", "which", "said", "told", "says"};

const FoldedWordSet& role_heads() {
  static const FoldedWordSet set(kRoleHeads);
  return set;
}
const FoldedWordSet& role_stops() {
  static const FoldedWordSet set(kRoleStops);
  return set;
}
const FoldedWordSet& determiners() {
  static const FoldedWordSet set(kDeterminers);
  return set;
}
const FoldedWordSet& honorifics() {
  static const FoldedWordSet set(kHonorifics);
  return set;
}
const FoldedWordSet& connectors() {
  static const FoldedWordSet set(kConnectors);
  return set;
}
const FoldedWordSet& clause_words() {
  static const FoldedWordSet set(kClauseWords);
  return set;
}

// A word of a mention: a view of the document's token text, compared
// case-folded, so grouping builds no strings until it writes the entities,
// and what grouping asks of it, worked out once per word.
struct Word {
  std::string_view text;
  uint64_t folded_hash = 0;  // folded_hash(text)
  bool has_initial = false;  // whether an acronym spells it: not empty, not a connector ("of")
  char initial = 0;          // its folded first byte, if it has an initial
};

// The words of a mention.
struct Words {
  const Word* begin = nullptr;
  size_t size = 0;
  std::string_view operator[](size_t i) const { return begin[i].text; }
  std::string_view back() const { return begin[size - 1].text; }
};

// same_folded for words; the hashes turn most unequal pairs away at once.
bool same_word(const Word& a, const Word& b) { return a.folded_hash == b.folded_hash && same_folded(a.text, b.text); }

bool same_words(Words a, Words b) {
  if (a.size != b.size) return false;
  for (size_t i = 0; i < a.size; ++i)
    if (!same_word(a.begin[i], b.begin[i])) return false;
  return true;
}

// Whether `shorter` is a proper suffix of `longer` ("Tokayev" of "Kassym-Jomart Tokayev").
bool is_suffix(Words shorter, Words longer) {
  if (shorter.size >= longer.size) return false;
  for (size_t i = 1; i <= shorter.size; ++i)
    if (!same_word(shorter.begin[shorter.size - i], longer.begin[longer.size - i])) return false;
  return true;
}

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
uint64_t fnv_step(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; }

// Calls `f` with the folded first byte of each word that is not a connector:
// the initials an acronym of `words` spells.
template <typename F>
void for_each_initial(Words words, F f) {
  for (size_t i = 0; i < words.size; ++i)
    if (words.begin[i].has_initial) f(words.begin[i].initial);
}

// Calls `f` with each ASCII letter of `acronym`, folded: "U.S." -> 'u', 's'.
template <typename F>
void for_each_acronym_letter(std::string_view acronym, F f) {
  for (char c : acronym)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) f(static_cast<char>(c | 0x20));
}

// Whether `acronym` ("CSTO") spells the initials of `words`' capitalised words.
bool spells_initials(std::string_view acronym, Words words) {
  size_t letters = 0, non_periods = 0;
  for (char c : acronym) {
    non_periods += c != '.';
    letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
  if (letters < 2 || letters != non_periods || words.size < 2) return false;
  // Walk the acronym's letters and the words' initials side by side.
  size_t next_word = 0;
  auto next_initial = [&](char* initial) {
    while (next_word < words.size) {
      const Word& w = words.begin[next_word++];
      if (w.has_initial) return *initial = w.initial, true;
    }
    return false;
  };
  bool same = true;
  for_each_acronym_letter(acronym, [&](char c) {
    char initial;
    same = same && next_initial(&initial) && initial == c;
  });
  char extra;
  return same && !next_initial(&extra);
}

bool is_all_caps_word(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= c >= 'A' && c <= 'Z';
  }
  return letter;
}

// The keys under which drafts are found. A key stands for a string (a kind
// tag, then folded text), hashed; two strings sharing a hash only add a
// candidate that the exact checks then reject, so hashing never changes
// which draft a mention joins.
enum KeyKind : uint64_t { kFormKey = 1, kLastWordKey, kInitialsKey, kAcronymKey };

uint64_t finish_key(KeyKind kind, uint64_t h) {
  const uint64_t key = mix64(h + kind * 0x9E3779B97F4A7C15ULL);
  return key == 0 ? 1 : key;  // 0 marks an empty slot
}

uint64_t form_key(Words words) {
  uint64_t h = kFnvBasis;
  for (size_t i = 0; i < words.size; ++i) h = (h ^ words.begin[i].folded_hash) * 0x100000001b3ULL;
  return finish_key(kFormKey, h);
}
uint64_t last_word_key(Words words) { return finish_key(kLastWordKey, words.begin[words.size - 1].folded_hash); }
// "i:" keys: the initials of a multi-word name, or the letters of an acronym
// looking for one; "a:" keys the other way round. Both hash the same letters.
uint64_t initials_key(KeyKind kind, Words words) {
  uint64_t h = kFnvBasis;
  for_each_initial(words, [&](char c) { h = fnv_step(h, c); });
  return finish_key(kind, h);
}
uint64_t acronym_key(KeyKind kind, std::string_view acronym) {
  uint64_t h = kFnvBasis;
  for_each_acronym_letter(acronym, [&](char c) { h = fnv_step(h, c); });
  return finish_key(kind, h);
}

// Multimap from key to draft indices, each key's drafts most recently
// touched first: an open-addressed table of doubly linked lists threaded
// through one array of nodes, so adding an entry allocates nothing per key.
// A mention joins the latest-seen draft that fits it; with every draft's
// entries moved to the fronts of their lists when it is seen, the first
// fitting draft along the lists is that one, and a name that recurs
// thousands of times (with drafts of it piling up under its keys) costs a
// mention a few steps, not a walk over all of them.
class DraftIndex {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;

  // Past this many slots the table starts no bigger and grows as keys come.
  // Names recur: a 12 MB text's 175,000 mentions make 25,000 keys, for which
  // room for three a mention was 2 million slots (24 MB) to clear and to
  // probe with a miss each; an article never comes near it.
  static constexpr size_t kMaxInitialSlots = size_t{1} << 14;

  // Empties the index and sizes it for the drafts of `mentions` mentions
  // (a draft per mention at most, filed under a few keys), reusing its storage.
  void reset(size_t mentions) {
    size_t size = 16;
    while (size < mentions * 3 * 2 && size < kMaxInitialSlots) size *= 2;
    keys_.assign(size, 0);
    heads_.assign(size, kEnd);
    nodes_.clear();
    first_node_of_draft_.assign(mentions, kEnd);
    used_ = 0;
  }
  // Files `draft` (below the mentions given to reset) under `key`, at the
  // front of its list (once: a draft already filed there stays where it is).
  void add(uint64_t key, uint32_t draft) {
    for (uint32_t at = first_node_of_draft_[draft]; at != kEnd; at = nodes_[at].next_of_draft)
      if (nodes_[at].key == key) return;
    if ((used_ + 1) * 2 > keys_.size()) grow();
    const size_t slot = slot_of(key);
    if (keys_[slot] != key) {
      keys_[slot] = key;
      ++used_;
    }
    const uint32_t node = static_cast<uint32_t>(nodes_.size());
    nodes_.push_back({key, draft, kEnd, kEnd, first_node_of_draft_[draft]});
    first_node_of_draft_[draft] = node;
    link_front(slot, node);
  }
  // Moves `draft` to the front of every list it is in.
  void touch(uint32_t draft) {
    for (uint32_t at = first_node_of_draft_[draft]; at != kEnd; at = nodes_[at].next_of_draft) {
      const size_t slot = slot_of(nodes_[at].key);
      if (heads_[slot] == at) continue;
      unlink(slot, at);
      link_front(slot, at);
    }
  }
  // The first node of `key`'s list (kEnd if none), the node after `node`, its draft.
  uint32_t head(uint64_t key) const {
    const size_t slot = slot_of(key);
    return keys_[slot] == key ? heads_[slot] : kEnd;
  }
  uint32_t next(uint32_t node) const { return nodes_[node].next; }
  uint32_t draft(uint32_t node) const { return nodes_[node].draft; }

 private:
  struct Node {
    uint64_t key;
    uint32_t draft;
    uint32_t prev, next;     // in the key's list
    uint32_t next_of_draft;  // the draft's next node
  };
  size_t slot_of(uint64_t key) const {
    const size_t mask = keys_.size() - 1;
    size_t i = key & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void link_front(size_t slot, uint32_t node) {
    nodes_[node].prev = kEnd;
    nodes_[node].next = heads_[slot];
    if (heads_[slot] != kEnd) nodes_[heads_[slot]].prev = node;
    heads_[slot] = node;
  }
  void unlink(size_t slot, uint32_t node) {
    const Node& n = nodes_[node];
    (n.prev == kEnd ? heads_[slot] : nodes_[n.prev].next) = n.next;
    if (n.next != kEnd) nodes_[n.next].prev = n.prev;
  }
  void grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_heads = std::move(heads_);
    keys_.assign(old_keys.size() * 2, 0);
    heads_.assign(old_keys.size() * 2, kEnd);
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] == 0) continue;
      const size_t slot = slot_of(old_keys[i]);
      keys_[slot] = old_keys[i];
      heads_[slot] = old_heads[i];
    }
  }
  std::vector<uint64_t> keys_;   // 0 = empty (keys are hashes, remapped off 0)
  std::vector<uint32_t> heads_;  // first node of each key's list
  std::vector<Node> nodes_;
  std::vector<uint32_t> first_node_of_draft_;
  size_t used_ = 0;
};

constexpr uint32_t kNoMention = UINT32_MAX;

struct Draft {
  // The draft's mentions and one mention per distinct folded text, as lists
  // threaded through per-mention links (see group_mentions): first and last.
  uint32_t first_mention = kNoMention, last_mention = kNoMention;
  uint32_t mention_count = 0;
  uint32_t first_form = kNoMention, last_form = kNoMention;
  size_t fullest = 0;              // index of the fullest mention: the entity's name
  double votes[4] = {0, 0, 0, 0};
  size_t last_seen = 0;            // token index of the latest mention

  EntityType type() const {
    int best = 0;
    for (int t = 1; t < 4; ++t)
      if (votes[t] > votes[best]) best = t;
    return static_cast<EntityType>(best);
  }
};

class RoleFinder {
 public:
  explicit RoleFinder(const Document& doc) : doc_(doc) {}

  // Roles the text gives the person mentioned by tokens [first, end), as
  // views of the text (a name's roles repeat, and only new ones are copied).
  void find(size_t first, size_t end, std::vector<std::string_view>* roles) const {
    const size_t sentence_index = doc_.sentence_at(doc_.tokens[first].start);
    if (sentence_index >= doc_.sentences.size()) return;
    const Sentence& s = doc_.sentences[sentence_index];
    title_before(s, first, roles);
    appositive_after(s, end, roles);
    appositive_before(s, first, roles);
  }

 private:
  std::string_view text(size_t i) const { return doc_.token_text(i); }
  bool is_word(size_t i) const { return doc_.tokens[i].kind == TokenKind::kWord; }
  bool in(const FoldedWordSet& set, size_t i) const { return set.contains(text(i), doc_.text.data() + doc_.text.size()); }
  void add(size_t from, size_t to, std::vector<std::string_view>* roles) const {  // tokens [from, to]
    roles->push_back(doc_.text.substr(doc_.tokens[from].start, doc_.tokens[to].end - doc_.tokens[from].start));
  }

  // "police spokesman Sultan Azirbek", "President Tokayev".
  void title_before(const Sentence& s, size_t first, std::vector<std::string_view>* roles) const {
    if (first == s.first_token) return;
    size_t head = first - 1;
    if (in(honorifics(), head)) return;
    if (!is_word(head) || !in(role_heads(), head)) return;
    size_t from = head;
    while (from > s.first_token && head - from < 4 && is_word(from - 1) && !in(role_stops(), from - 1)) --from;
    add(from, head, roles);
  }

  // "Stanislav Zas, the general secretary of the CSTO, said".
  void appositive_after(const Sentence& s, size_t end, std::vector<std::string_view>* roles) const {
    if (end + 1 >= s.end_token || text(end) != ",") return;
    size_t from = end + 1;
    if (!in(determiners(), from)) return;
    ++from;
    size_t to = from;
    bool has_head = false;
    while (to < s.end_token && to - from < 8 && (is_word(to) || doc_.tokens[to].kind == TokenKind::kNumber)) {
      if (in(clause_words(), to)) return;
      has_head |= in(role_heads(), to);
      ++to;
    }
    if (!has_head || to == from) return;
    if (to < s.end_token && text(to) != "," && text(to) != ".") return;
    add(from, to - 1, roles);
  }

  // "The general secretary of the CSTO, Stanislav Zas, told".
  void appositive_before(const Sentence& s, size_t first, std::vector<std::string_view>* roles) const {
    if (first < s.first_token + 2 || text(first - 1) != ",") return;
    const size_t last = first - 2;
    bool has_head = false;
    for (size_t k = last + 1; k-- > s.first_token && last - k < 9;) {
      if (!is_word(k)) return;
      if (in(clause_words(), k)) return;
      if (in(determiners(), k) && (k == s.first_token || !is_word(k - 1))) {
        if (has_head && k < last) add(k + 1, last, roles);
        return;
      }
      has_head |= in(role_heads(), k);
    }
  }

  const Document& doc_;
};

// Working storage of group_mentions, kept per thread so that a long-lived
// caller allocates only while documents keep getting longer.
struct GroupingScratch {
  std::vector<Word> words;
  std::vector<uint64_t> form_keys;
  std::vector<size_t> first_word;
  std::vector<uint32_t> next_mention;
  std::vector<uint32_t> next_form;
  std::vector<Draft> drafts;
  DraftIndex index;
  std::vector<std::string_view> found;
};

void add_role(std::string_view role, std::vector<std::string>* roles) {
  for (const std::string& r : *roles)
    if (same_folded(r, role)) return;
  roles->emplace_back(role);
}

// "e" and `number` in decimal, built in place: std::to_string and operator+
// would make two strings per entity.
std::string entity_id(size_t number) {
  char digits[24];
  char* first = digits + sizeof digits;
  do *--first = static_cast<char>('0' + number % 10);
  while ((number /= 10) != 0);
  *--first = 'e';
  return std::string(first, static_cast<size_t>(digits + sizeof digits - first));
}

std::vector<Entity> group_mentions_in(const Document& doc, const std::vector<TaggedMention>& mentions,
                                      GroupingScratch& scratch) {
  // Every mention's words, in one array, and its form key (mentions do not
  // overlap: each word is hashed once).
  const char* const text_end = doc.text.data() + doc.text.size();
  std::vector<Word>& all_words = scratch.words;
  all_words.clear();
  std::vector<size_t>& first_word = scratch.first_word;
  first_word.assign(mentions.size() + 1, 0);
  for (size_t m = 0; m < mentions.size(); ++m) {
    first_word[m] = all_words.size();
    for (size_t i = mentions[m].first_token; i < mentions[m].end_token; ++i) {
      Word w;
      w.text = doc.token_text(i);
      w.folded_hash = folded_hash(w.text, text_end);
      w.has_initial = !w.text.empty() && !connectors().contains(w.text, text_end);
      if (w.has_initial) w.initial = fold_char(w.text[0]);
      all_words.push_back(w);
    }
  }
  first_word[mentions.size()] = all_words.size();
  auto words_of = [&](size_t m) { return Words{all_words.data() + first_word[m], first_word[m + 1] - first_word[m]}; };
  std::vector<uint64_t>& form_keys = scratch.form_keys;
  form_keys.resize(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m) form_keys[m] = form_key(words_of(m));

  // Links of the drafts' lists: the next mention of the same draft, and the
  // next mention that adds a form to the draft.
  std::vector<uint32_t>& next_mention = scratch.next_mention;
  next_mention.assign(mentions.size(), kNoMention);
  std::vector<uint32_t>& next_form = scratch.next_form;
  next_form.assign(mentions.size(), kNoMention);
  std::vector<Draft>& drafts = scratch.drafts;
  drafts.clear();
  RoleFinder role_finder(doc);
  // Keys to the drafts a mention may join: its folded text, the last word of
  // a name, a name's initials, the letters of an acronym name.
  DraftIndex& index = scratch.index;
  index.reset(mentions.size());
  auto index_name = [&](uint32_t draft) {
    const Words name = words_of(drafts[draft].fullest);
    index.add(last_word_key(name), draft);
    if (name.size >= 2) index.add(initials_key(kInitialsKey, name), draft);
    // Only the acronym rule below finds drafts by a name's letters, and it
    // wants a one-word name in capitals: other one-word names are not filed so.
    if (name.size == 1 && is_all_caps_word(name[0])) index.add(acronym_key(kAcronymKey, name[0]), draft);
  };
  for (size_t m = 0; m < mentions.size(); ++m) {
    const TaggedMention& mention = mentions[m];
    const Words words = words_of(m);
    const std::string_view first = words[0];
    const bool single_capitalised = words.size == 1 && !first.empty() && first[0] >= 'A' && first[0] <= 'Z';
    const bool acronym = words.size == 1 && is_all_caps_word(first);
    const uint64_t form = form_keys[m];
    auto has_form = [&](const Draft& d) {
      for (uint32_t f = d.first_form; f != kNoMention; f = next_form[f])
        if (form_keys[f] == form && same_words(words_of(f), words)) return true;
      return false;
    };

    // Only drafts sharing a key with the mention can match, which keeps
    // grouping linear in the number of mentions even for huge texts. The
    // keys' lists are walked together, latest-seen draft first (drafts are
    // seen at distinct tokens), so the first that fits is the one to join.
    uint64_t keys[4];
    size_t key_count = 0;
    keys[key_count++] = form;
    keys[key_count++] = last_word_key(words);
    if (acronym) keys[key_count++] = acronym_key(kInitialsKey, first);
    if (words.size >= 2) keys[key_count++] = initials_key(kAcronymKey, words);
    uint32_t cursors[4];
    for (size_t k = 0; k < key_count; ++k) cursors[k] = index.head(keys[k]);
    Draft* match = nullptr;
    for (;;) {
      size_t latest = key_count;
      for (size_t k = 0; k < key_count; ++k)
        if (cursors[k] != DraftIndex::kEnd &&
            (latest == key_count || drafts[index.draft(cursors[k])].last_seen > drafts[index.draft(cursors[latest])].last_seen))
          latest = k;
      if (latest == key_count) break;
      Draft& d = drafts[index.draft(cursors[latest])];
      cursors[latest] = index.next(cursors[latest]);
      const EntityType type = d.type();
      const Words name = words_of(d.fullest);
      // The same words name the same entity, unless the tagger typed them
      // differently: "Kent" the county and "Kent" the cricket side.
      bool fits = type == mention.type && has_form(d);
      if (!fits && type == EntityType::kPerson) {
        const bool surname = is_suffix(words, name) && (mention.type == EntityType::kPerson || single_capitalised);
        const bool fuller = mention.type == EntityType::kPerson && is_suffix(name, words);
        fits = surname || fuller;
      }
      if (!fits && type != EntityType::kPerson && mention.type != EntityType::kPerson) {
        fits = (acronym && spells_initials(first, name)) || (name.size == 1 && is_all_caps_word(name[0]) && spells_initials(name[0], words));
      }
      if (fits) {
        match = &d;
        break;
      }
    }
    if (match == nullptr) {
      drafts.emplace_back();
      match = &drafts.back();
      match->fullest = m;
      index_name(static_cast<uint32_t>(drafts.size() - 1));
    }
    Draft& d = *match;
    const uint32_t draft_index = static_cast<uint32_t>(match - drafts.data());
    const uint32_t m32 = static_cast<uint32_t>(m);
    (d.first_mention == kNoMention ? d.first_mention : next_mention[d.last_mention]) = m32;
    ++d.mention_count;
    d.last_mention = m32;
    if (!has_form(d)) {
      (d.first_form == kNoMention ? d.first_form : next_form[d.last_form]) = m32;
      d.last_form = m32;
      index.add(form, draft_index);
    }
    const bool acronym_of_name = acronym && words_of(d.fullest).size > 1;
    if (words.size > words_of(d.fullest).size && !acronym_of_name) {
      d.fullest = m;
      index_name(draft_index);
    }
    d.votes[static_cast<int>(mention.type)] += static_cast<double>(words.size);
    d.last_seen = mention.first_token;
    index.touch(draft_index);
  }

  std::vector<Entity> entities;
  entities.reserve(drafts.size());
  std::vector<std::string_view>& found = scratch.found;
  for (const Draft& d : drafts) {
    Entity e;
    e.id = entity_id(entities.size() + 1);
    e.type = d.type();
    const TaggedMention& fullest = mentions[d.fullest];
    e.name = std::string(doc.text.substr(doc.tokens[fullest.first_token].start,
                                         doc.tokens[fullest.end_token - 1].end - doc.tokens[fullest.first_token].start));
    e.mentions.reserve(d.mention_count);
    for (uint32_t m = d.first_mention; m != kNoMention; m = next_mention[m]) {
      const TaggedMention& mention = mentions[m];
      e.mentions.push_back({doc.tokens[mention.first_token].start, doc.tokens[mention.end_token - 1].end});
      if (e.type == EntityType::kPerson) {
        found.clear();
        role_finder.find(mention.first_token, mention.end_token, &found);
        for (std::string_view r : found) add_role(r, &e.roles);
      }
    }
    entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace

std::vector<Entity> group_mentions(const Document& doc, const std::vector<TaggedMention>& mentions,
                                   size_t max_kept_mentions) {
  AI_THREAD_SCRATCH GroupingScratch kept_scratch;
  if (mentions.size() <= max_kept_mentions) return group_mentions_in(doc, mentions, kept_scratch);
  // The thread keeps its arrays for the next article; a long text's (some
  // 17 MB for a 5 MB text, hash tables sized by its mentions) would stay
  // beside the quote finder's and the report's, so they go when it is done.
  GroupingScratch own_scratch;
  return group_mentions_in(doc, mentions, own_scratch);
}

}  // namespace ai
