// The shipped entity model: expected tags on sentences of our own, its
// recorded accuracy on CoNLL-2003 valid, and loading damaged model bytes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "builtin_model.h"
#include "conll.h"
#include "entities.h"
#include "tagger.h"
#include "test_helpers.h"
#include "word_clusters.h"

namespace {

// "TYPE:text" for every mention the shipped tagger finds in `text`.
std::vector<std::string> tag(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  std::vector<std::string> out;
  const char* names[] = {"PER", "ORG", "LOC", "MISC"};
  for (const ai::TaggedMention& m : ai_test::shipped_tagger().tag(doc)) {
    const ai::Span span{doc.tokens[m.first_token].start, doc.tokens[m.end_token - 1].end};
    out.push_back(std::string(names[static_cast<int>(m.type)]) + ":" + std::string(doc.span_text(span)));
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped model tags names in sentences of our own", "[tagger]") {
  struct Case {
    const char* text;
    std::vector<std::string> mentions;
  };
  const Case cases[] = {
      {"Angela Merkel met Emmanuel Macron in Paris on Tuesday.", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Paris"}},
      {"Shares of Microsoft fell 3 percent in New York trading.", {"ORG:Microsoft", "LOC:New York"}},
      {"The European Union said Germany and France would pay.", {"ORG:European Union", "LOC:Germany", "LOC:France"}},
      {"Russia's foreign ministry denied the report.", {"LOC:Russia"}},
      {"Police in Manchester arrested two men on Friday.", {"LOC:Manchester"}},
      {"the quick brown fox jumps over the lazy dog.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(tag(c.text) == c.mentions);
  }
}

// A text with no token that may start a name used to offset a null score
// buffer (UBSan, found by fuzz_inspect on an empty input).
TEST_CASE("texts without name candidates are labelled O throughout", "[tagger]") {
  for (const char* text : {"", "   \n\n ", "1,2,3 ... !!! 45%", "\xEF\xBF\xBD\xEF\xBF\xBD"}) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    const std::vector<uint8_t> labels = ai_test::shipped_tagger().label(doc);
    CHECK(labels.size() == doc.tokens.size());
    CHECK(std::all_of(labels.begin(), labels.end(), [](uint8_t l) { return l == ai::kOutside; }));
  }
}

TEST_CASE("mentions never include a possessive 's", "[tagger]") {
  for (const std::string& m : tag("Kenya's president met Japan's prime minister in Nairobi.")) {
    INFO(m);
    CHECK(m.find("'s") == std::string::npos);
  }
}

TEST_CASE("damaged model bytes are an error, never a crash", "[tagger]") {
  const std::string_view model = ai::builtin_ner_model();
  REQUIRE(!model.empty());
  REQUIRE(ai::Tagger::load(model).ok());

  CHECK(!ai::Tagger::load("").ok());
  CHECK(!ai::EntityRecognizer::create("").ok());
  CHECK(ai::Tagger::load("not a model at all").error().find("magic") != std::string::npos);

  std::string wrong_version(model);
  wrong_version[8] = 99;
  CHECK(ai::Tagger::load(wrong_version).error().find("version") != std::string::npos);

  // Truncation anywhere: a spread of prefix lengths, including the header and the last bytes.
  for (size_t length : {size_t{1}, size_t{7}, size_t{8}, size_t{12}, size_t{20}, size_t{24}, size_t{100}, model.size() / 3,
                        model.size() / 2, model.size() - 5, model.size() - 4, model.size() - 1}) {
    INFO(length);
    CHECK(!ai::Tagger::load(model.substr(0, length)).ok());
  }
  // A flipped byte in the gazetteer, the weights or the checksum.
  for (size_t at : {size_t{30}, model.size() / 2, model.size() - 2}) {
    std::string corrupt(model);
    corrupt[at] = static_cast<char>(corrupt[at] ^ 0x5A);
    INFO(at);
    CHECK(!ai::Tagger::load(corrupt).ok());
  }
  std::string longer(model);
  longer += "extra";
  CHECK(!ai::Tagger::load(longer).ok());
}

namespace {

// The blob checksum as tagger.h documents it: FNV-1a over 8-byte
// little-endian words, then the last bytes one by one, folded to 32 bits.
std::string with_checksum(std::string body) {
  uint64_t h = 14695981039346656037ull;
  size_t i = 0;
  for (; i + 8 <= body.size(); i += 8) {
    uint64_t word = 0;
    for (int k = 0; k < 8; ++k) word |= uint64_t{static_cast<unsigned char>(body[i + k])} << (8 * k);
    h = (h ^ word) * 1099511628211ull;
  }
  for (; i < body.size(); ++i) h = (h ^ static_cast<unsigned char>(body[i])) * 1099511628211ull;
  return body + ai_test::little_endian(static_cast<uint32_t>(h ^ (h >> 32)), 4);
}

void put_u32_at(std::string* bytes, size_t at, uint32_t v) { bytes->replace(at, 4, ai_test::little_endian(v, 4)); }

}  // namespace

TEST_CASE("model bytes with a valid checksum but an inconsistent body are an error", "[tagger]") {
  // A base-only model of 2^10 buckets with weights in buckets 5 and 9.
  ai::TaggerModel model;
  model.base.hash_bits = 10;
  model.base.emissions.assign((size_t{1} << 10) * ai::kLabelCount, 0.0f);
  model.base.transitions.assign(ai::kTransitionCount, 0.0f);
  model.base.emissions[5 * ai::kLabelCount + ai::kOutside] = 1.0f;
  model.base.emissions[9 * ai::kLabelCount + 3] = -0.5f;
  const std::string blob = ai::encode_tagger_model(model);
  REQUIRE(ai::Tagger::load(blob).ok());
  std::string body = blob.substr(0, blob.size() - 4);
  REQUIRE(ai::Tagger::load(with_checksum(body)).ok());

  // Where the parts are (tagger.h): header, gazetteer, word classes, transitions, bitmap, rows.
  const size_t gazetteer_size_at = 20;
  const size_t gazetteer_size = ai::Gazetteer().encode().size();
  const size_t transitions_at = gazetteer_size_at + 4 + gazetteer_size + 4;
  const size_t bitmap_at = transitions_at + ai::kTransitionCount * 2;
  const size_t row_count_at = bitmap_at + (size_t{1} << 10) / 8;
  REQUIRE(body.size() == row_count_at + 4 + 2 * 2 * ai::kLabelCount);

  struct Case {
    const char* what;
    std::function<void(std::string*)> damage;
    const char* error;
  };
  const std::vector<Case> cases = {
      {"unknown flags", [](std::string* b) { put_u32_at(b, 12, 6); }, "unknown flags"},
      {"hash size below the least", [](std::string* b) { put_u32_at(b, 16, 9); }, "bad hash size"},
      {"a gazetteer longer than the model", [&](std::string* b) { put_u32_at(b, gazetteer_size_at, 1u << 30); }, "truncated gazetteer"},
      {"a gazetteer key count that does not match its bytes", [&](std::string* b) { put_u32_at(b, gazetteer_size_at + 4, 1); },
       "gazetteer"},
      {"a bucket bit without a row", [&](std::string* b) { (*b)[bitmap_at] = static_cast<char>((*b)[bitmap_at] | 1); },
       "more buckets than weight rows"},
      {"a row without a bucket bit", [&](std::string* b) { (*b)[bitmap_at + 1] = 0; }, "fewer buckets than weight rows"},
      {"a row count that does not fill the rest", [&](std::string* b) { put_u32_at(b, row_count_at, 3); }, "do not fill"},
      {"a missing row", [&](std::string* b) { b->resize(b->size() - 2 * ai::kLabelCount); }, "do not fill"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::string damaged = body;
    c.damage(&damaged);
    const ai::Result<ai::Tagger> loaded = ai::Tagger::load(with_checksum(damaged));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().find(c.error) != std::string::npos);
  }
}

TEST_CASE("encoded models load back with the same decisions", "[tagger]") {
  // A tiny hand-made model: one feature-free bias towards O, and a gazetteer.
  ai::TaggerModel model;
  model.gazetteer = ai::Gazetteer::parse("LOC\tAlmaty\n").value();
  model.base.hash_bits = 10;
  model.base.emissions.assign((size_t{1} << 10) * ai::kLabelCount, 0.0f);
  model.base.transitions.assign(ai::kTransitionCount, 0.0f);
  model.base.emissions[5 * ai::kLabelCount + ai::kOutside] = 1.0f;
  const std::string blob = ai::encode_tagger_model(model);
  const ai::Result<ai::Tagger> loaded = ai::Tagger::load(blob);
  REQUIRE(loaded.ok());
  CHECK(loaded.value().gazetteer().size() == 1);
  const ai::Document doc = ai::analyze_text("Snow fell in Almaty.");
  CHECK(loaded.value().label(doc).size() == doc.tokens.size());
}

TEST_CASE("the shipped model reaches its recorded F1 on CoNLL-2003 valid", "[tagger][shared]") {
  const std::optional<std::string> valid = ai_test::read_file(ai_test::shared_dir() + "/corpora/conll2003/valid.txt");
  if (!valid) {
    WARN("skipped: " << ai_test::shared_dir() << "/corpora/conll2003/valid.txt not found (set AI_SHARED_DIR)");
    return;
  }
  // models/ner.metrics.json sits two folders up from this file.
  const std::string here = __FILE__;
  const std::string repo = here.substr(0, here.rfind("/tests/unit/"));
  const std::optional<std::string> metrics = ai_test::read_file(repo + "/models/ner.metrics.json");
  if (!metrics) {
    WARN("skipped: " << repo << "/models/ner.metrics.json not found");
    return;
  }
  const double recorded = nlohmann::json::parse(*metrics).at("overall").at("f1").get<double>();
  const ai::EntityRecognizer recognizer = ai::EntityRecognizer::create(ai::builtin_ner_model()).value();
  ai::SpanScores scores;
  for (const ai::ConllDocument& d : ai::parse_conll(*valid)) {
    const ai::Document doc = ai::analyze_text(d.text);
    std::vector<ai::GoldEntity> found;
    for (const ai::Entity& e : recognizer.find(doc))
      for (const ai::Span& m : e.mentions) found.push_back({m, e.type});
    scores.add(d.entities, found);
  }
  CHECK(100 * scores.f1(4) == Approx(recorded).margin(0.5));
}

TEST_CASE("CoNLL files become raw text with gold spans", "[tagger]") {
  const std::string file =
      "SOCCER NN B-NP O\n- : O O\nCELTIC NNP B-NP B-ORG\nWIN VB B-VP O\n\n"
      "GLASGOW NNP B-NP I-LOC\n2001-05-02 CD I-NP O\n\n"
      "Celtic NNP B-NP I-ORG\nbeat VBD B-VP O\nSt NNP B-NP I-ORG\nMirren NNP I-NP I-ORG\n.\n\n"
      "HEADLINE NN B-NP O\n\nLONDON NNP B-NP I-LOC\n2001-05-03 CD I-NP O\n\n";
  const std::vector<ai::ConllDocument> docs = ai::parse_conll(file);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].text == "SOCCER - CELTIC WIN\nGLASGOW 2001-05-02\nCeltic beat St Mirren");
  REQUIRE(docs[0].entities.size() == 4);
  CHECK(docs[0].entities[3].type == ai::EntityType::kOrganization);
  CHECK(docs[0].text.substr(docs[0].entities[3].span.start, docs[0].entities[3].span.size()) == "St Mirren");
  CHECK(docs[1].text == "HEADLINE\nLONDON 2001-05-03");
}

TEST_CASE("gazetteers match case-folded token sequences and can hold a document out", "[tagger]") {
  const ai::Result<ai::Gazetteer> parsed = ai::Gazetteer::parse("# a comment\nLOC\tNew York\nORG\tNew York Times\nPER\tAda\n");
  REQUIRE(parsed.ok());
  const ai::Gazetteer& g = parsed.value();
  CHECK(g.size() == 3);
  const uint64_t new_key = ai::gazetteer_key_extend(ai::gazetteer_key_start(), "NEW");
  const uint64_t new_york = ai::gazetteer_key_extend(new_key, "york");
  CHECK(g.lookup(new_key).types == 0);
  CHECK(g.lookup(new_key).is_prefix);
  CHECK(g.lookup(new_york).types == (1u << static_cast<int>(ai::EntityType::kLocation)));
  CHECK(g.lookup(new_york).is_prefix);

  ai::Gazetteer own;
  own.add({"Ada"}, static_cast<int>(ai::EntityType::kPerson));
  const uint64_t ada = ai::gazetteer_key_extend(ai::gazetteer_key_start(), "Ada");
  CHECK(g.lookup(ada).types != 0);
  CHECK(g.lookup(ada, &own).types == 0);  // seen only in the held-out document

  CHECK(!ai::Gazetteer::parse("LOC New York\n").ok());
  CHECK(!ai::Gazetteer::parse("CITY\tNew York\n").ok());
}

TEST_CASE("word classes parse, look up, and reject malformed lines", "[tagger]") {
  const ai::Result<ai::WordClusters> parsed = ai::WordClusters::parse("Moscow\t17\t3\nKiev\t17\t3\n");
  REQUIRE(parsed.ok());
  CHECK(parsed.value().size() == 2);
  CHECK(parsed.value().lookup(ai::word_key("Kiev")).fine == 17);
  CHECK(parsed.value().lookup(ai::word_key("kiev")).fine == ai::WordClass::kNone);
  for (const char* bad : {"Moscow\t17\n", "Moscow\tx\t3\n", "\t1\t2\n", "Moscow\t70000\t3\n"}) {
    INFO(bad);
    CHECK(!ai::WordClusters::parse(bad).ok());
  }
}

TEST_CASE("a run of capitalised words longer than any name is cut into bounded mentions", "[tagger]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "Alpha Bravo ";
  const ai::Document doc = ai::analyze_text(text);
  for (const ai::TaggedMention& m : ai_test::shipped_tagger().tag(doc)) CHECK(m.end_token - m.first_token <= 64);
}
