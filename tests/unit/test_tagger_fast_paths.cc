// The tagger's fast paths agree with the plain definitions: packed weight
// rows of two stages, gazetteer names split without the tokenizer, and
// grouping that compares mention words case-folded in place.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "entity_grouping.h"
#include "gazetteer.h"
#include "tagger.h"
#include "text.h"

namespace {

// The gazetteer key of `name` as the core tokenizer splits it.
uint64_t tokenizer_key(const std::string& name) {
  const ai::Document doc = ai::analyze_text(name);
  uint64_t key = ai::gazetteer_key_start();
  for (size_t i = 0; i < doc.tokens.size(); ++i) key = ai::gazetteer_key_extend(key, doc.token_text(i));
  return key;
}

// A two-stage model over 2^kModelHashBits buckets, every weight zero.
constexpr int kModelHashBits = 10;
constexpr size_t kModelBuckets = size_t{1} << kModelHashBits;
ai::TaggerModel zero_two_stage_model() {
  ai::TaggerModel model;
  model.base.hash_bits = model.context.hash_bits = kModelHashBits;
  for (ai::StageWeights* stage : {&model.base, &model.context}) {
    stage->emissions.assign(kModelBuckets * ai::kLabelCount, 0.0f);
    stage->transitions.assign(ai::kTransitionCount, 0.0f);
  }
  return model;
}

}  // namespace

TEST_CASE("gazetteer names are split exactly as the tokenizer splits them", "[tagger]") {
  const char* names[] = {"Addis Ababa", "AL-MUNTAR", "Lindsay Owen-Jones", "Europe 1", "Hospital No 31", "  Padded   Name ",
                         "U.S. Midwest", "Calif .", "AT&T", "1,000 Lakes Rally", "-Minus Sign", "Double--Dash", "Trailing-",
                         "Saint Barthélemy", "Lao People's Democratic Republic", "St. Louis", "Bold / Ogilvy"};
  for (const char* name : names) {
    INFO(name);
    const ai::Result<ai::Gazetteer> g = ai::Gazetteer::parse(std::string("LOC\t") + name + "\n");
    REQUIRE(g.ok());
    CHECK(g.value().lookup(tokenizer_key(name)).types == (1u << static_cast<int>(ai::EntityType::kLocation)));
  }
}

TEST_CASE("a two-stage model's rows are found whichever stage stores them", "[tagger]") {
  // Base weights only in even buckets (towards U-PER), context weights only
  // in odd buckets (towards U-LOC): no stored row has both halves.
  ai::TaggerModel model = zero_two_stage_model();
  const size_t buckets = kModelBuckets;
  const int per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kUnit);
  const int loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kUnit);
  for (size_t b = 0; b < buckets; b += 2) model.base.emissions[b * ai::kLabelCount + per] = 1.0f;
  for (size_t b = 1; b < buckets; b += 2) model.context.emissions[b * ai::kLabelCount + loc] = 1.0f;
  const ai::Document doc = ai::analyze_text("Snow fell in Almaty.");
  const size_t almaty = 3;
  REQUIRE(doc.token_text(almaty) == "Almaty");

  const ai::Result<ai::Tagger> two_stage = ai::Tagger::load(ai::encode_tagger_model(model));
  REQUIRE(two_stage.ok());
  CHECK(two_stage.value().label(doc)[almaty] == loc);

  model.context = {};
  const ai::Result<ai::Tagger> base_only = ai::Tagger::load(ai::encode_tagger_model(model));
  REQUIRE(base_only.ok());
  CHECK(base_only.value().label(doc)[almaty] == per);
}

TEST_CASE("grouping compares mention words case-folded", "[entities]") {
  struct Case {
    const char* text;
    std::vector<std::pair<const char*, ai::EntityType>> mentions;  // found left to right
    size_t entities;
  };
  const ai::EntityType per = ai::EntityType::kPerson, org = ai::EntityType::kOrganization;
  const Case cases[] = {
      {"KENT won. Kent lost.", {{"KENT", org}, {"Kent", org}}, 1},
      {"Ada LOVELACE wrote. Lovelace left.", {{"Ada LOVELACE", per}, {"Lovelace", per}}, 1},
      {"The United Nations met. The U.N. agreed.", {{"United Nations", org}, {"U.N.", org}}, 1},
      {"The Bank for International Settlements acted. The BIS said.", {{"Bank for International Settlements", org}, {"BIS", org}}, 1},
      {"The BIS said. The Bank for International Settlements acted.", {{"BIS", org}, {"Bank for International Settlements", org}}, 1},
      {"The Bank for International Settlements acted. B.I.S. said.", {{"Bank for International Settlements", org}, {"B.I.S.", org}}, 1},
      {"The Bank for International Settlements acted. The BIX said.", {{"Bank for International Settlements", org}, {"BIX", org}}, 2},
      {"The Bank for International Settlements acted. The BISS said.", {{"Bank for International Settlements", org}, {"BISS", org}}, 2},
      {"The Bank for International Settlements acted. The BI said.", {{"Bank for International Settlements", org}, {"BI", org}}, 2},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    const ai::Document doc = ai::analyze_text(text);
    std::vector<ai::TaggedMention> tagged;
    size_t from = 0;
    for (const auto& [words, type] : c.mentions) {
      const size_t start = text.find(words, from);
      REQUIRE(start != std::string::npos);
      from = start + std::string(words).size();
      ai::TaggedMention m;
      m.type = type;
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        if (doc.tokens[i].start == start) m.first_token = i;
        if (doc.tokens[i].end == from) m.end_token = i + 1;
      }
      REQUIRE(m.first_token < m.end_token);
      tagged.push_back(m);
    }
    CHECK(ai::group_mentions(doc, tagged).size() == c.entities);
  }
}

TEST_CASE("roles are recognised in any case and kept once", "[entities]") {
  const std::string text = "PRESIDENT Ada Lovelace spoke. President Lovelace left.";
  const ai::Document doc = ai::analyze_text(text);
  std::vector<ai::TaggedMention> tagged;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.token_text(i) == "Ada") tagged.push_back({i, i + 2, ai::EntityType::kPerson});
    if (doc.token_text(i) == "Lovelace" && doc.token_text(i - 1) == "President") tagged.push_back({i, i + 1, ai::EntityType::kPerson});
  }
  REQUIRE(tagged.size() == 2);
  const std::vector<ai::Entity> entities = ai::group_mentions(doc, tagged);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].roles == std::vector<std::string>{"PRESIDENT"});
}

TEST_CASE("every lane of a weight row is summed with its sign, the last ones too", "[tagger]") {
  // Context-stage weights in every bucket (the base stage is all zeros, so it
  // labels everything O): a one-token name gets the unit label whose summed
  // weights are highest. The unit labels' context lanes are 21, 25, 29 and
  // 33 of the 34 in a row; 33 lies past the last full vector, and negative
  // sums check the sign extension.
  const int o = ai::kOutside;
  const int per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kUnit);
  const int org = ai::make_label(ai::EntityType::kOrganization, ai::TagPosition::kUnit);
  const int loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kUnit);
  const int misc = ai::make_label(ai::EntityType::kMisc, ai::TagPosition::kUnit);
  struct Case {
    float o, per, org, loc, misc;
    int expected;
  };
  const Case cases[] = {
      {0, 0, 0, 0, 1.0f, misc},           {0, 0, 0, 0.9f, 1.0f, misc},         {0, 0, 0, 1.0f, 0.9f, loc},
      {-1.0f, -0.2f, -0.5f, -0.5f, -0.5f, per}, {-1.0f, -0.5f, -0.2f, -0.5f, -0.5f, org},
      {-1.0f, -0.5f, -0.5f, -0.5f, -0.2f, misc}, {0, -1.0f, -1.0f, -1.0f, -0.9f, o},
      {-0.3f, -1.0f, -1.0f, -1.0f, -0.2f, misc},
  };
  const ai::Document doc = ai::analyze_text("Snow fell in Almaty.");
  const size_t almaty = 3;
  REQUIRE(doc.token_text(almaty) == "Almaty");
  for (const Case& c : cases) {
    ai::TaggerModel model = zero_two_stage_model();
    const size_t buckets = kModelBuckets;
    model.base.emissions[0] = 1e-3f;  // a stage needs one nonzero weight to have a scale
    for (size_t b = 0; b < buckets; ++b) {
      float* row = &model.context.emissions[b * ai::kLabelCount];
      row[o] = c.o;
      row[per] = c.per;
      row[org] = c.org;
      row[loc] = c.loc;
      row[misc] = c.misc;
    }
    const ai::Result<ai::Tagger> tagger = ai::Tagger::load(ai::encode_tagger_model(model));
    REQUIRE(tagger.ok());
    INFO("O " << c.o << ", PER " << c.per << ", ORG " << c.org << ", LOC " << c.loc << ", MISC " << c.misc);
    CHECK(static_cast<int>(tagger.value().label(doc)[almaty]) == c.expected);
  }
}
