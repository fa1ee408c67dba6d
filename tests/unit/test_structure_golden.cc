// Golden articles: whole texts written for these tests (tests/golden/articles/*.txt)
// mixing headline, byline, dateline, page clutter, quotes and sources, run
// through the full pipeline and compared with expected.json. The expected
// JSON is a subset of the report: every key it gives must match; arrays must
// match in length and item by item; keys it leaves out (offsets, entity ids)
// are not compared.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_json.h"
#include "test_helpers.h"

using nlohmann::json;

namespace {

void collect_differences(const json& expected, const json& actual, const std::string& path,
                         std::vector<std::string>* differences) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      differences->push_back(path + ": expected an object, got " + actual.dump());
      return;
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual.contains(it.key())) {
        differences->push_back(path + "." + it.key() + ": missing");
        continue;
      }
      collect_differences(it.value(), actual.at(it.key()), path + "." + it.key(), differences);
    }
  } else if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      differences->push_back(path + ": expected " + std::to_string(expected.size()) + " items, got " + actual.dump());
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      collect_differences(expected[i], actual[i], path + "[" + std::to_string(i) + "]", differences);
  } else if (expected != actual) {
    differences->push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
  }
}

}  // namespace

TEST_CASE("golden articles: layout, clutter, quotes, speakers and sources", "[structure][golden]") {
  const std::optional<std::string> manifest = ai_test::read_file(ai_test::golden_dir("articles") + "/expected.json");
  REQUIRE(manifest);
  const json expectations = json::parse(*manifest);
  REQUIRE(expectations.size() >= 3);
  for (auto it = expectations.begin(); it != expectations.end(); ++it) {
    SECTION(it.key()) {
      const std::optional<std::string> text = ai_test::read_file(ai_test::golden_dir("articles") + "/" + it.key());
      REQUIRE(text);
      const ai::Result<ai::Report> report = ai_test::inspector().inspect(*text, {});
      REQUIRE(report.ok());
      const json actual = json::parse(ai::report_to_json(report.value(), ai::OffsetUnit::kUtf16));
      std::vector<std::string> differences;
      collect_differences(it.value(), actual, it.key(), &differences);
      std::string listing;
      for (const std::string& d : differences) listing += d + "\n";
      INFO(listing);
      CHECK(differences.empty());
    }
  }
}
