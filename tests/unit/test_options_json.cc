// parse_options_json against the nlohmann::json-based parser it replaced,
// kept here as the oracle: the same documents accepted, the same options,
// the same error messages.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "options_json.h"

namespace {

using nlohmann::json;

// ---- The former implementation, verbatim in substance.
ai::Result<ai::ParsedOptions> reference_parse(std::string_view text) {
  using Failure = ai::Result<ai::ParsedOptions>;
  ai::ParsedOptions parsed;
  if (text.empty()) return parsed;
  const json options = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (options.is_discarded() || !options.is_object()) return Failure::failure("options must be a JSON object");
  for (const auto& [key, value] : options.items()) {
    if (key == "kinds") {
      if (!value.is_array()) return Failure::failure("options.kinds must be an array of strings");
      ai::Kinds kinds{false, false, false, false, false, false};
      for (const json& kind : value) {
        const std::string name = kind.is_string() ? kind.get<std::string>() : std::string();
        if (name == "entities") kinds.entities = true;
        else if (name == "figures") kinds.figures = true;
        else if (name == "quotes") kinds.quotes = true;
        else if (name == "sources") kinds.sources = true;
        else if (name == "boilerplate") kinds.boilerplate = true;
        else if (name == "checks") kinds.checks = true;
        else
          return Failure::failure("options.kinds: unknown kind " + kind.dump() +
                                  " (expected entities, figures, quotes, sources, boilerplate, checks)");
      }
      parsed.inspect.kinds = kinds;
    } else if (key == "referenceDate") {
      if (value.is_null()) continue;
      if (!value.is_string()) return Failure::failure("options.referenceDate must be a string YYYY-MM-DD");
      ai::Result<ai::CivilDate> date = ai::parse_iso_date(value.get<std::string>());
      if (!date.ok()) return Failure::failure("options." + date.error());
      parsed.inspect.reference_date = date.value();
    } else if (key == "offsets") {
      const std::string unit = value.is_string() ? value.get<std::string>() : std::string();
      if (unit == "utf16") parsed.offsets = ai::OffsetUnit::kUtf16;
      else if (unit == "codepoint") parsed.offsets = ai::OffsetUnit::kCodePoint;
      else if (unit == "byte") parsed.offsets = ai::OffsetUnit::kByte;
      else return Failure::failure("options.offsets must be \"utf16\", \"codepoint\" or \"byte\"");
    } else if (key == "phoneNumbers") {
      if (!value.is_boolean()) return Failure::failure("options.phoneNumbers must be a boolean");
      parsed.inspect.phone_numbers = value.get<bool>();
    } else {
      return Failure::failure("unknown option \"" + key + "\"");
    }
  }
  return parsed;
}

// The outcome as one comparable string.
std::string describe(const ai::Result<ai::ParsedOptions>& result) {
  if (!result.ok()) return "error: " + result.error();
  const ai::ParsedOptions& o = result.value();
  const ai::Kinds& k = o.inspect.kinds;
  std::string out = "kinds ";
  for (bool on : {k.entities, k.figures, k.quotes, k.sources, k.boilerplate, k.checks}) out += on ? '1' : '0';
  out += " offsets " + std::to_string(static_cast<int>(o.offsets));
  out += o.inspect.phone_numbers ? " phones" : " no-phones";
  if (o.inspect.reference_date) {
    const ai::CivilDate& d = *o.inspect.reference_date;
    out += " date " + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
  }
  return out;
}

}  // namespace

TEST_CASE("options JSON is read as the nlohmann-based parser read it", "[options]") {
  const std::string cases[] = {
      "",
      "{}",
      " \t\r\n{ } \n",
      "\xEF\xBB\xBF{}",
      "\xEF\xBB{}",
      "\xEF\xBB\xBF",
      "   ",
      "{}x",
      "{},",
      "null",
      "[]",
      "\"kinds\"",
      R"({"kinds":[]})",
      R"({"kinds":["figures","quotes","sources","boilerplate","checks","entities"]})",
      R"({"kinds":["fig\u0075res"]})",
      R"({"kinds":["people"]})",
      R"({"kinds":[5]})",
      R"({"kinds":[-0]})",
      R"({"kinds":[-0.0]})",
      R"({"kinds":[1E2]})",
      R"({"kinds":[2.50e-3]})",
      R"({"kinds":[1e-400]})",
      R"({"kinds":[1e400]})",
      R"({"kinds":[12345678901234567890]})",
      R"({"kinds":[123456789012345678901]})",
      R"({"kinds":[-9223372036854775808]})",
      R"({"kinds":[-9223372036854775809]})",
      R"({"kinds":[0.1]})",
      R"({"kinds":[true]})",
      R"({"kinds":[null]})",
      R"({"kinds":[[1,[2,{}]]]})",
      R"({"kinds":[{"b":1,"a":[true,"x"],"b":2}]})",
      R"({"kinds":["figures", {"z":null}]})",
      R"({"kinds":["tab\there \"quoted\" \\ \/ \u00e9 \ud83d\ude00 \u0001"]})",
      "{\"kinds\":[\"caf\xC3\xA9\"]}",
      "{\"kinds\":[\"caf\xE9\"]}",
      "{\"kinds\":[\"a\x7F\"]}",
      "{\"kinds\":[\"a\x01\"]}",
      R"({"kinds":["\ud83d"]})",
      R"({"kinds":["\ude00"]})",
      R"({"kinds":["\ud83dx"]})",
      R"({"kinds":["\ud83d\u0041"]})",
      R"({"kinds":["\x"]})",
      R"({"kinds":["\u12G4"]})",
      R"({"kinds":"figures"})",
      R"({"kinds":{}})",
      R"({"kinds":[01]})",
      R"({"kinds":[1.]})",
      R"({"kinds":[.5]})",
      R"({"kinds":[+1]})",
      R"({"kinds":[-]})",
      R"({"kinds":[1e]})",
      R"({"kinds":[1e+]})",
      R"({"kinds":[1,]})",
      R"({"kinds":[,1]})",
      R"({"kinds":[1 2]})",
      R"({"kinds":[nul]})",
      R"({"kinds":[truex]})",
      R"({"referenceDate":"2024-02-29"})",
      R"({"referenceDate":"2023-02-29"})",
      R"({"referenceDate":"5 Jan"})",
      R"({"referenceDate":null})",
      R"({"referenceDate":20240101})",
      R"({"referenceDate":"2024-01-0\u0031"})",
      R"({"offsets":"byte"})",
      R"({"offsets":"codepoint"})",
      R"({"offsets":"utf8"})",
      R"({"offsets":5})",
      R"({"offsets":"byte","offsets":"utf16"})",
      R"({"offsets":"byte","offsets":5})",
      R"({"phoneNumbers":true})",
      R"({"phoneNumbers":false})",
      R"({"phoneNumbers":"yes"})",
      R"({"phoneNumbers":0})",
      R"({"offset":"utf16"})",
      R"({"Kinds":[],"kinds":[]})",
      R"({"zeta":1,"kinds":"x"})",
      R"({"offsets":1,"kinds":5})",
      R"({"phoneNumbers":1,"offsets":"x","referenceDate":3})",
      R"({"a\u0000b":1})",
      R"({"\u00e9":1})",
      R"({"kinds" : [ "figures" ] , "phoneNumbers" : true })",
      R"({"kinds":["figures"],})",
      R"({,"kinds":[]})",
      R"({"kinds" []})",
      R"({"kinds":[]]})",
      R"({"kinds":[})",
      R"({"kinds":)",
      R"({"kinds")",
      R"({"kinds)",
      R"({kinds:[]})",
      R"({'kinds':[]})",
      "{\"kinds\":[]} // comment",
      std::string("{\"kinds\":[]}\0", 13),
      std::string("{\"kinds\":[]}\0 trailing", 22),
      std::string("{\"kinds\":\0[]}", 13),
      std::string("\0", 1),
      std::string("{\"kinds\":[\"a\0\"]}", 16),
      "{\"unknown\":" + std::string(5000, '[') + std::string(5000, ']') + "}",
      "{\"unknown\":" + std::string(5000, '[') + "}",
  };
  for (const std::string& text : cases) {
    INFO(text);
    CHECK(describe(ai::parse_options_json(text)) == describe(reference_parse(text)));
  }
}

TEST_CASE("options JSON with random edits is read as the nlohmann-based parser read it", "[options]") {
  const std::string seeds[] = {
      R"({"kinds":["figures",{"a":[1.5,-2,"x\n"]}],"referenceDate":"2022-01-07","offsets":"byte","phoneNumbers":true})",
      R"({ "offsets" : "codepoint" , "kinds" : [ "entities" , 3e2 ] })",
  };
  const char alphabet[] = "{}[]:,\"\\ \t0123456789-+.eEtrufalsn\xC3\xA9\x80\xEFu\0";
  std::mt19937 random(11);
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[random() % std::size(seeds)];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % (text.size() + 1);
      const char c = alphabet[random() % (sizeof alphabet - 1)];
      switch (random() % 3) {
        case 0: text.insert(at, 1, c); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = c;
      }
    }
    INFO(text);
    REQUIRE(describe(ai::parse_options_json(text)) == describe(reference_parse(text)));
  }
}
