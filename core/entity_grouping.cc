#include "entity_grouping.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace ai {

namespace {

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

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

struct Draft {
  std::vector<size_t> mentions;           // indices into the mention list
  std::vector<std::string> name;          // folded tokens of the fullest mention
  size_t fullest = 0;                      // index of the fullest mention
  std::vector<std::string> forms;         // folded texts of all mentions
  double votes[4] = {0, 0, 0, 0};
  size_t last_seen = 0;                    // token index of the latest mention
  std::vector<std::string> roles;

  EntityType type() const {
    int best = 0;
    for (int t = 1; t < 4; ++t)
      if (votes[t] > votes[best]) best = t;
    return static_cast<EntityType>(best);
  }
};

bool is_suffix(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  return shorter.size() < longer.size() && std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

// Whether `acronym` ("CSTO") spells the initials of `words`' capitalised words.
bool spells_initials(std::string_view acronym, const std::vector<std::string>& words) {
  std::string letters;
  for (char c : acronym)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letters += static_cast<char>(c | 0x20);
  if (letters.size() < 2 || letters.size() != static_cast<size_t>(std::count_if(acronym.begin(), acronym.end(), [](char c) { return c != '.'; })))
    return false;
  std::string initials;
  for (const std::string& w : words)
    if (!contains(kConnectors, w) && !w.empty()) initials += w[0];
  return words.size() >= 2 && initials == letters;
}

// First letters of `words` (folded), connectors skipped: the key an acronym spells.
std::string initials_of(const std::vector<std::string>& words) {
  std::string initials;
  for (const std::string& w : words)
    if (!contains(kConnectors, w) && !w.empty()) initials += w[0];
  return initials;
}

// The letters of an acronym, folded: "U.S." -> "us".
std::string acronym_letters(std::string_view acronym) {
  std::string letters;
  for (char c : acronym)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letters += static_cast<char>(c | 0x20);
  return letters;
}

bool is_all_caps_word(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= c >= 'A' && c <= 'Z';
  }
  return letter;
}

class RoleFinder {
 public:
  explicit RoleFinder(const Document& doc) : doc_(doc) {}

  // Roles the text gives the person mentioned by tokens [first, end).
  void find(size_t first, size_t end, std::vector<std::string>* roles) const {
    const size_t sentence_index = doc_.sentence_at(doc_.tokens[first].start);
    if (sentence_index >= doc_.sentences.size()) return;
    const Sentence& s = doc_.sentences[sentence_index];
    title_before(s, first, roles);
    appositive_after(s, end, roles);
    appositive_before(s, first, roles);
  }

 private:
  std::string folded(size_t i) const { return fold(doc_.token_text(i)); }
  bool is_word(size_t i) const { return doc_.tokens[i].kind == TokenKind::kWord; }
  void add(size_t from, size_t to, std::vector<std::string>* roles) const {  // tokens [from, to]
    roles->emplace_back(doc_.text.substr(doc_.tokens[from].start, doc_.tokens[to].end - doc_.tokens[from].start));
  }

  // "police spokesman Sultan Azirbek", "President Tokayev".
  void title_before(const Sentence& s, size_t first, std::vector<std::string>* roles) const {
    if (first == s.first_token) return;
    size_t head = first - 1;
    if (contains(kHonorifics, folded(head))) return;
    if (!is_word(head) || !contains(kRoleHeads, folded(head))) return;
    size_t from = head;
    while (from > s.first_token && head - from < 4 && is_word(from - 1) && !contains(kRoleStops, folded(from - 1))) --from;
    add(from, head, roles);
  }

  // "Stanislav Zas, the general secretary of the CSTO, said".
  void appositive_after(const Sentence& s, size_t end, std::vector<std::string>* roles) const {
    if (end + 1 >= s.end_token || doc_.token_text(end) != ",") return;
    size_t from = end + 1;
    if (!contains(kDeterminers, folded(from))) return;
    ++from;
    size_t to = from;
    bool has_head = false;
    while (to < s.end_token && to - from < 8 && (is_word(to) || doc_.tokens[to].kind == TokenKind::kNumber)) {
      const std::string w = folded(to);
      if (w == "who" || w == "which" || w == "said" || w == "told" || w == "says") return;
      has_head |= contains(kRoleHeads, w);
      ++to;
    }
    if (!has_head || to == from) return;
    if (to < s.end_token && doc_.token_text(to) != "," && doc_.token_text(to) != ".") return;
    add(from, to - 1, roles);
  }

  // "The general secretary of the CSTO, Stanislav Zas, told".
  void appositive_before(const Sentence& s, size_t first, std::vector<std::string>* roles) const {
    if (first < s.first_token + 2 || doc_.token_text(first - 1) != ",") return;
    const size_t last = first - 2;
    bool has_head = false;
    for (size_t k = last + 1; k-- > s.first_token && last - k < 9;) {
      if (!is_word(k)) return;
      const std::string w = folded(k);
      if (w == "who" || w == "which" || w == "said" || w == "told" || w == "says") return;
      if (contains(kDeterminers, w) && (k == s.first_token || !is_word(k - 1))) {
        if (has_head && k < last) add(k + 1, last, roles);
        return;
      }
      has_head |= contains(kRoleHeads, w);
    }
  }

  const Document& doc_;
};

void add_role(std::string role, std::vector<std::string>* roles) {
  const std::string key = fold(role);
  for (const std::string& r : *roles)
    if (fold(r) == key) return;
  roles->push_back(std::move(role));
}

}  // namespace

std::vector<Entity> group_mentions(const Document& doc, const std::vector<TaggedMention>& mentions) {
  std::vector<Draft> drafts;
  std::vector<std::vector<std::string>> tokens(mentions.size());
  RoleFinder role_finder(doc);
  // Keys to the drafts a mention may join: "f:" its text, "w:" the last word
  // of a name, "a:" a name's initials, "i:" the letters of an acronym name.
  std::unordered_map<std::string, std::vector<size_t>> index;
  std::vector<size_t> candidates;
  auto index_name = [&](size_t draft) {
    const Draft& d = drafts[draft];
    index["w:" + d.name.back()].push_back(draft);
    if (d.name.size() >= 2) index["i:" + initials_of(d.name)].push_back(draft);
    if (d.name.size() == 1) index["a:" + acronym_letters(d.name[0])].push_back(draft);
  };
  for (size_t m = 0; m < mentions.size(); ++m) {
    const TaggedMention& mention = mentions[m];
    for (size_t i = mention.first_token; i < mention.end_token; ++i) tokens[m].push_back(fold(doc.token_text(i)));
    const std::vector<std::string>& words = tokens[m];
    std::string form;
    for (const std::string& w : words) (form += form.empty() ? "" : " ") += w;
    const std::string_view first_word = doc.token_text(mention.first_token);
    const bool single_capitalised = words.size() == 1 && !first_word.empty() && first_word[0] >= 'A' && first_word[0] <= 'Z';

    // Only drafts sharing a key with the mention can match, which keeps
    // grouping linear in the number of mentions even for huge texts.
    candidates.clear();
    auto collect = [&](const std::string& key) {
      const auto found = index.find(key);
      if (found != index.end()) candidates.insert(candidates.end(), found->second.begin(), found->second.end());
    };
    collect("f:" + form);
    collect("w:" + words.back());
    if (words.size() == 1 && is_all_caps_word(first_word)) collect("i:" + acronym_letters(first_word));
    if (words.size() >= 2) collect("a:" + initials_of(words));

    Draft* match = nullptr;
    for (size_t candidate : candidates) {
      Draft& d = drafts[candidate];
      const EntityType type = d.type();
      // The same words name the same entity, unless the tagger typed them
      // differently: "Kent" the county and "Kent" the cricket side.
      bool fits = std::find(d.forms.begin(), d.forms.end(), form) != d.forms.end() && type == mention.type;
      if (!fits && type == EntityType::kPerson) {
        const bool surname = is_suffix(words, d.name) && (mention.type == EntityType::kPerson || single_capitalised);
        const bool fuller = mention.type == EntityType::kPerson && is_suffix(d.name, words);
        fits = surname || fuller;
      }
      if (!fits && type != EntityType::kPerson && mention.type != EntityType::kPerson) {
        fits = (words.size() == 1 && is_all_caps_word(first_word) && spells_initials(first_word, d.name)) ||
               (d.name.size() == 1 && is_all_caps_word(doc.token_text(mentions[d.fullest].first_token)) &&
                spells_initials(doc.token_text(mentions[d.fullest].first_token), words));
      }
      if (fits && (match == nullptr || d.last_seen > match->last_seen)) match = &d;
    }
    if (match == nullptr) {
      drafts.emplace_back();
      match = &drafts.back();
      match->fullest = m;
      match->name = words;
      index_name(drafts.size() - 1);
    }
    Draft& d = *match;
    const size_t draft_index = static_cast<size_t>(match - drafts.data());
    d.mentions.push_back(m);
    if (std::find(d.forms.begin(), d.forms.end(), form) == d.forms.end()) {
      d.forms.push_back(form);
      index["f:" + form].push_back(draft_index);
    }
    const bool acronym_of_name = words.size() == 1 && is_all_caps_word(first_word) && d.name.size() > 1;
    if (words.size() > d.name.size() && !acronym_of_name) {
      d.name = words;
      d.fullest = m;
      index_name(draft_index);
    }
    d.votes[static_cast<int>(mention.type)] += static_cast<double>(words.size());
    d.last_seen = mention.first_token;
  }

  std::vector<Entity> entities;
  entities.reserve(drafts.size());
  for (const Draft& d : drafts) {
    Entity e;
    e.id = "e" + std::to_string(entities.size() + 1);
    e.type = d.type();
    const TaggedMention& fullest = mentions[d.fullest];
    e.name = std::string(doc.text.substr(doc.tokens[fullest.first_token].start,
                                         doc.tokens[fullest.end_token - 1].end - doc.tokens[fullest.first_token].start));
    for (size_t m : d.mentions) {
      const TaggedMention& mention = mentions[m];
      e.mentions.push_back({doc.tokens[mention.first_token].start, doc.tokens[mention.end_token - 1].end});
      if (e.type == EntityType::kPerson) {
        std::vector<std::string> found;
        role_finder.find(mention.first_token, mention.end_token, &found);
        for (std::string& r : found) add_role(std::move(r), &e.roles);
      }
    }
    entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace ai
