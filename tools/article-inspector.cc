// article-inspector — the native command line, for large archives.
//
// The same program as bin/article-inspector.js (the npm package's CLI over
// the wasm engine): same flags, same output byte for byte, plus `--jobs N`
// worker threads. Output order is the input order whatever N is: articles are
// read in batches, inspected in parallel, and written in sequence. With
// `--jsonl` it is a streaming filter (JSON Lines in on stdin, out on stdout,
// one batch in memory at a time), so it also runs as a step of a pipeline or
// under a cluster engine's streaming interface.
//
//   article-inspector --format text article.txt
//   article-inspector --jobs 8 --jsonl < articles.jsonl > reports.jsonl
//   article-inspector --format csv --out reports/ archive/
//
// A change to an output format here must be made in bin/article-inspector.js
// too; tests/js/cli.test.js compares the two.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "inspector.h"
#include "options_json.h"
#include "process_memory.h"
#include "report_json.h"
#include "utf8.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kUsage = R"(Usage: article-inspector [options] [FILE|DIR|-]...

Inspects news articles: entities, figures, quotes, sources, clutter, checks.
Reads the files given (directories recursively: .txt .md .html), or stdin
when there are none or for "-". Offline.

Options:
  --format FORMAT       json (default), jsonl, text, csv, html or md
  --jsonl               inputs are JSON Lines, one {"id": ..., "text": ...} per line
  --out DIR             write one report per input into DIR instead of stdout
  --fail-on-checks      exit 1 when a consistency check between figures fails
  --reference-date D    resolve relative dates against D (YYYY-MM-DD)
  --kinds LIST          compute only these parts, comma-separated: entities,
                        figures, quotes, sources, boilerplate, checks
  --offsets UNIT        offsets in json/jsonl/csv: utf16 (default), codepoint, byte
  --phone-numbers       report phone numbers as figures
  --jobs N              worker threads (default: one per hardware thread)
  -q, --quiet           no progress, summary or warnings on stderr (errors still)
  -h, --help            this help
  --version             the version

Exit status: 0 success, 1 when an input was bad and skipped (or, with
--fail-on-checks, a check failed), 2 on usage errors.
)";

const std::vector<std::string> kFormats = {"json", "jsonl", "text", "csv", "html", "md"};
const std::vector<std::string> kKinds = {"entities", "figures", "quotes", "sources", "boilerplate", "checks"};

struct UsageError {
  std::string message;
};

struct Args {
  std::vector<std::string> inputs;
  std::string format = "json";
  bool jsonl = false;
  std::optional<std::string> out;
  bool fail_on_checks = false;
  bool quiet = false;
  bool help = false;
  bool version = false;
  json options = json::object();  // the inspect options, as the JS CLI passes them
  unsigned jobs = 0;              // 0 = hardware threads
};

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool is_iso_date_shape(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

Args parse_args(int argc, char** argv) {
  Args args;
  bool only_inputs = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (only_inputs || arg == "-" || arg.empty() || arg[0] != '-') {
      args.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_inputs = true;
      continue;
    }
    const size_t eq = arg.find('=');
    const bool has_inline = arg.rfind("--", 0) == 0 && eq != std::string::npos && eq > 0;
    const std::string name = has_inline ? arg.substr(0, eq) : arg;
    const std::string inline_value = has_inline ? arg.substr(eq + 1) : std::string();
    auto value = [&]() -> std::string {
      if (has_inline) return inline_value;
      if (i + 1 >= argc) throw UsageError{name + " needs a value"};
      return argv[++i];
    };
    auto flag = [&]() {
      if (has_inline) throw UsageError{name + " takes no value"};
      return true;
    };
    if (name == "--format") {
      args.format = value();
      if (!contains(kFormats, args.format))
        throw UsageError{"--format must be one of json, jsonl, text, csv, html, md, got \"" + args.format + "\""};
    } else if (name == "--jsonl") {
      args.jsonl = flag();
    } else if (name == "--out") {
      args.out = value();
    } else if (name == "--fail-on-checks") {
      args.fail_on_checks = flag();
    } else if (name == "--reference-date") {
      const std::string date = value();
      if (!is_iso_date_shape(date)) throw UsageError{"--reference-date must be YYYY-MM-DD, got \"" + date + "\""};
      args.options["referenceDate"] = date;
    } else if (name == "--kinds") {
      json kinds = json::array();
      std::stringstream list(value());
      for (std::string kind; std::getline(list, kind, ',');) {
        if (kind.empty()) continue;
        if (!contains(kKinds, kind))
          throw UsageError{"--kinds: unknown kind \"" + kind +
                           "\" (expected entities, figures, quotes, sources, boilerplate, checks)"};
        kinds.push_back(kind);
      }
      args.options["kinds"] = kinds;
    } else if (name == "--offsets") {
      const std::string unit = value();
      if (unit != "utf16" && unit != "codepoint" && unit != "byte")
        throw UsageError{"--offsets must be utf16, codepoint or byte, got \"" + unit + "\""};
      args.options["offsets"] = unit;
    } else if (name == "--phone-numbers") {
      args.options["phoneNumbers"] = flag();
    } else if (name == "--jobs") {
      const std::string jobs = value();
      unsigned n = 0;
      const auto [end, error] = std::from_chars(jobs.data(), jobs.data() + jobs.size(), n);
      if (error != std::errc() || end != jobs.data() + jobs.size() || n == 0 || jobs[0] == '0')
        throw UsageError{"--jobs must be a positive integer, got \"" + jobs + "\""};
      args.jobs = n;
    } else if (name == "-q" || name == "--quiet") {
      args.quiet = flag();
    } else if (name == "-h" || name == "--help") {
      args.help = flag();
    } else if (name == "--version") {
      args.version = flag();
    } else {
      throw UsageError{"unknown option " + name};
    }
  }
  if (args.inputs.empty()) args.inputs.push_back("-");
  if (std::count(args.inputs.begin(), args.inputs.end(), "-") > 1) throw UsageError{"stdin (\"-\") can be read only once"};
  return args;
}

// ---------------------------------------------------------------------------
// Formatting helpers (mirror bin/article-inspector.js)

// A number as JavaScript's String(n) writes it: shortest round-trip digits,
// plain notation for exponents -7 < e < 21, "1e+21" style otherwise.
std::string js_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (value == 0) return "0";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  const std::string sign = value < 0 ? "-" : "";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
  const std::string scientific(buffer, result.ptr);
  const size_t e = scientific.find('e');
  std::string digits;
  for (char c : scientific.substr(0, e))
    if (c != '.') digits += c;
  const int k = static_cast<int>(digits.size());
  const int n = std::stoi(scientific.substr(e + 1)) + 1;  // decimal point position
  if (k <= n && n <= 21) return sign + digits + std::string(n - k, '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return sign + "0." + std::string(-n, '0') + digits;
  const std::string exponent = (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
  if (k == 1) return sign + digits + "e" + exponent;
  return sign + digits.substr(0, 1) + "." + digits.substr(1) + "e" + exponent;
}

std::string number_text(const json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  if (value.is_number()) return js_number(value.get<double>());
  return "";
}

// The id as JSON.stringify writes it.
std::string id_json(const json& id) {
  if (id.is_number()) return number_text(id);
  return id.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string id_text(const json& id) { return id.is_string() ? id.get<std::string>() : number_text(id); }

// Re-indents compact JSON as JSON.stringify(value, null, 2) does, keeping
// every number's text as the engine wrote it.
std::string pretty_json(const std::string& compact, int base_indent) {
  std::string out;
  out.reserve(compact.size() * 2);
  int depth = base_indent;
  bool in_string = false;
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<size_t>(depth) * 2, ' ');
  };
  for (size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (in_string) {
      out += c;
      if (c == '\\') out += compact[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
    } else if (c == '{' || c == '[') {
      if (i + 1 < compact.size() && compact[i + 1] == (c == '{' ? '}' : ']')) {
        out += c;
        out += compact[++i];
        continue;
      }
      ++depth;
      out += c;
      newline();
    } else if (c == '}' || c == ']') {
      --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;
    }
  }
  return out;
}

// `compact` (an object) with "id" as its first key, made in its own string
// (its writer left room to spare), not in a copy: a long text's JSON is tens
// of MB.
std::string with_id(const json& id, std::string compact) {
  compact.replace(0, 1, "{\"id\":" + id_json(id) + ",");
  return compact;
}

std::string str(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

std::string format_amount(const json& value) {
  if (value.is_null()) return "";
  if (value.is_number()) return number_text(value);
  return number_text(value["min"]) + ".." + number_text(value["max"]);
}

std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      while (i + 1 < text.size() && (text[i + 1] == '\r' || text[i + 1] == '\n')) ++i;
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string pad_end(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string figure_value(const json& f) {
  const std::string value = format_amount(f["value"]);
  return f["unit"].is_null() ? value : value + " " + str(f["unit"]);
}

std::string stats_line(const json& stats) {
  return number_text(stats["words"]) + " words, " + number_text(stats["sentences"]) + " sentences, " +
         number_text(stats["paragraphs"]) + " paragraphs, " + number_text(stats["readingMinutes"]) + " min read";
}

std::string layout_text(const json& report, const char* field) {
  if (!report.contains("layout")) return {};
  const json& item = report["layout"][field];
  return item.is_object() ? one_line(str(item["text"])) : std::string();
}

std::string render_text(const json& id, const json& report, bool many) {
  std::vector<std::string> lines;
  if (many) lines.push_back("== " + id_text(id) + " ==");
  lines.push_back(stats_line(report["stats"]));
  if (report.contains("layout") && report["layout"]["headline"].is_object()) lines.push_back("Headline: " + layout_text(report, "headline"));
  if (report.contains("layout") && report["layout"]["dateline"].is_object()) lines.push_back("Dateline: " + layout_text(report, "dateline"));
  if (report.contains("layout") && report["layout"]["byline"].is_object()) lines.push_back("Byline: " + layout_text(report, "byline"));
  const json& entities = report["entities"];
  if (!entities.empty()) {
    lines.push_back("Entities (" + std::to_string(entities.size()) + "):");
    for (const json& e : entities)
      lines.push_back("  " + pad_end(str(e["type"]), 13) + " " + one_line(str(e["name"])) + " (" +
                      std::to_string(e["mentions"].size()) + ")");
  }
  const json& figures = report["figures"];
  if (!figures.empty()) {
    lines.push_back("Figures (" + std::to_string(figures.size()) + "):");
    for (const json& f : figures)
      lines.push_back("  " + pad_end(str(f["kind"]), 13) + " " + one_line(str(f["text"])) + " = " + figure_value(f) +
                      (f.contains("date") ? " (" + str(f["date"]) + ")" : ""));
  }
  const json& quotes = report["quotes"];
  if (!quotes.empty()) {
    lines.push_back("Quotes (" + std::to_string(quotes.size()) + "):");
    for (const json& q : quotes)
      lines.push_back("  " + one_line(str(q["text"])) +
                      (q["speaker"].is_object() ? " -- " + one_line(str(q["speaker"]["name"])) : ""));
  }
  const json& sources = report["sources"];
  if (!sources.empty()) {
    lines.push_back("Sources (" + std::to_string(sources.size()) + "):");
    for (const json& s : sources)
      lines.push_back("  " + one_line(str(s["name"])) + (s["named"].get<bool>() ? "" : " (anonymous)") + ": " +
                      number_text(s["sentences"]) + " sentences");
  }
  if (!report["boilerplate"].empty()) lines.push_back("Clutter: " + std::to_string(report["boilerplate"].size()) + " blocks");
  const json& checks = report["checks"];
  if (!checks.empty()) {
    lines.push_back("Checks (" + std::to_string(checks.size()) + "):");
    for (const json& c : checks)
      lines.push_back(std::string("  ") + (c["ok"].get<bool>() ? "ok  " : "FAIL") + " " + str(c["kind"]) + ": " +
                      one_line(str(c["message"])));
  }
  const json& warnings = report["warnings"];
  if (!warnings.empty()) {
    lines.push_back("Warnings:");
    for (const json& w : warnings) lines.push_back("  " + str(w["code"]) + ": " + one_line(str(w["message"])));
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i > 0 ? "\n" : "") + lines[i];
  return out + "\n" + (many ? "\n" : "");
}

std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '\\') out += "\\\\";
    else if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

std::string render_markdown(const json& id, const json& report, bool many) {
  std::vector<std::string> out;
  if (many) {
    out.push_back("## " + md_cell(id_text(id)));
    out.push_back("");
  }
  if (report.contains("layout") && report["layout"]["headline"].is_object()) {
    out.push_back("**" + md_cell(str(report["layout"]["headline"]["text"])) + "**");
    out.push_back("");
  }
  out.push_back(stats_line(report["stats"]));
  out.push_back("");
  if (!report["entities"].empty()) {
    for (const char* line : {"### Entities", "", "| Type | Name | Mentions | Roles |", "| --- | --- | --- | --- |"}) out.push_back(line);
    for (const json& e : report["entities"]) {
      std::string roles;
      if (e.contains("roles"))
        for (const json& role : e["roles"]) roles += (roles.empty() ? "" : ", ") + str(role);
      out.push_back("| " + str(e["type"]) + " | " + md_cell(str(e["name"])) + " | " + std::to_string(e["mentions"].size()) +
                    " | " + md_cell(roles) + " |");
    }
    out.push_back("");
  }
  if (!report["figures"].empty()) {
    for (const char* line : {"### Figures", "", "| Kind | Text | Value | Unit |", "| --- | --- | --- | --- |"}) out.push_back(line);
    for (const json& f : report["figures"])
      out.push_back("| " + str(f["kind"]) + " | " + md_cell(str(f["text"])) + " | " + format_amount(f["value"]) + " | " +
                    (f["unit"].is_null() ? "" : md_cell(str(f["unit"]))) + " |");
    out.push_back("");
  }
  if (!report["quotes"].empty()) {
    out.push_back("### Quotes");
    out.push_back("");
    for (const json& q : report["quotes"])
      out.push_back("- " + md_cell(str(q["text"])) +
                    (q["speaker"].is_object() ? " \xE2\x80\x94 " + md_cell(str(q["speaker"]["name"])) : ""));
    out.push_back("");
  }
  if (!report["checks"].empty()) {
    out.push_back("### Checks");
    out.push_back("");
    for (const json& c : report["checks"])
      out.push_back(std::string("- ") + (c["ok"].get<bool>() ? "ok" : "**FAIL**") + " " + str(c["kind"]) + ": " +
                    md_cell(str(c["message"])));
    out.push_back("");
  }
  if (!report["warnings"].empty()) {
    out.push_back("### Warnings");
    out.push_back("");
    for (const json& w : report["warnings"]) out.push_back("- " + str(w["code"]) + ": " + md_cell(str(w["message"])));
    out.push_back("");
  }
  std::string text;
  for (size_t i = 0; i < out.size(); ++i) text += (i > 0 ? "\n" : "") + out[i];
  return text + "\n";
}

constexpr const char* kCsvHeader = "id,item,type,start,end,text,value,unit,mentions\n";

std::string csv_field(const std::string& text) {
  if (text.find_first_of("\",\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string render_csv_rows(const json& id, const json& report) {
  std::string out;
  auto row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i > 0 ? "," : "") + csv_field(fields[i]);
    out += '\n';
  };
  for (const json& e : report["entities"]) {
    const bool any = !e["mentions"].empty();
    row({id_text(id), "entity", str(e["type"]), any ? number_text(e["mentions"][0]["start"]) : "",
         any ? number_text(e["mentions"][0]["end"]) : "", str(e["name"]), "", "", std::to_string(e["mentions"].size())});
  }
  for (const json& f : report["figures"])
    row({id_text(id), "figure", str(f["kind"]), number_text(f["start"]), number_text(f["end"]), str(f["text"]),
         format_amount(f["value"]), f["unit"].is_null() ? "" : str(f["unit"]), ""});
  return out;
}

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr const char* kHtmlHead = R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>article-inspector report</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; border-radius: 4px; }
mark { border-radius: 3px; padding: 0 2px; background: #eee; }
mark[data-kind=person] { background: #ffe08a; } mark[data-kind=organization] { background: #b9e4ff; }
mark[data-kind=location] { background: #c8f2c2; } mark[data-kind=misc] { background: #e9d5ff; }
mark[data-kind=money] { background: #ffc9a8; } mark[data-kind=percent] { background: #ffd6e7; }
mark[data-kind=date], mark[data-kind=time], mark[data-kind=duration] { background: #d9e0ff; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: left; }
.fail { color: #b00020; font-weight: bold; }
</style>
</head>
<body>
)";
constexpr const char* kHtmlFoot = "</body>\n</html>\n";

// highlight() of the JS package, over a report with byte offsets into `text`.
std::string highlight(const std::string& text, const json& report) {
  struct Mark {
    size_t start, end;
    std::string text, kind, entity;
  };
  std::vector<Mark> marks;
  for (const json& e : report["entities"])
    for (const json& m : e["mentions"])
      marks.push_back({m["start"].get<size_t>(), m["end"].get<size_t>(), str(m["text"]), str(e["type"]), str(e["id"])});
  for (const json& f : report["figures"])
    marks.push_back({f["start"].get<size_t>(), f["end"].get<size_t>(), str(f["text"]), str(f["kind"]), ""});
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::string html;
  size_t at = 0;
  size_t covered = 0;
  for (const Mark& m : marks) {
    if (m.start < covered || m.end <= m.start || m.end > text.size()) continue;
    covered = m.end;
    html += escape_html(text.substr(at, m.start - at));
    html += "<mark data-kind=\"" + escape_html(m.kind) + "\"" +
            (m.entity.empty() ? "" : " data-entity=\"" + escape_html(m.entity) + "\"") + ">" + escape_html(m.text) + "</mark>";
    at = m.end;
  }
  return html + escape_html(text.substr(at));
}

std::string render_html_section(const json& id, const std::string& text, const json& report) {
  std::string out = "<section>\n<h2>" + escape_html(id_text(id)) + "</h2>\n<p>" + escape_html(stats_line(report["stats"])) + "</p>\n";
  out += "<div class=\"text\">" + highlight(text, report) + "</div>\n";
  if (!report["entities"].empty()) {
    out += "<h3>Entities</h3>\n<table>\n<tr><th>Type</th><th>Name</th><th>Mentions</th></tr>\n";
    for (const json& e : report["entities"])
      out += "<tr><td>" + str(e["type"]) + "</td><td>" + escape_html(str(e["name"])) + "</td><td>" +
             std::to_string(e["mentions"].size()) + "</td></tr>\n";
    out += "</table>\n";
  }
  if (!report["figures"].empty()) {
    out += "<h3>Figures</h3>\n<table>\n<tr><th>Kind</th><th>Text</th><th>Value</th></tr>\n";
    for (const json& f : report["figures"])
      out += "<tr><td>" + str(f["kind"]) + "</td><td>" + escape_html(str(f["text"])) + "</td><td>" +
             escape_html(figure_value(f)) + "</td></tr>\n";
    out += "</table>\n";
  }
  if (!report["quotes"].empty()) {
    out += "<h3>Quotes</h3>\n<ul>\n";
    for (const json& q : report["quotes"])
      out += "<li>" + escape_html(str(q["text"])) +
             (q["speaker"].is_object() ? " \xE2\x80\x94 " + escape_html(str(q["speaker"]["name"])) : "") + "</li>\n";
    out += "</ul>\n";
  }
  if (!report["checks"].empty()) {
    out += "<h3>Checks</h3>\n<ul>\n";
    for (const json& c : report["checks"]) {
      const bool ok = c["ok"].get<bool>();
      out += std::string("<li") + (ok ? "" : " class=\"fail\"") + ">" + (ok ? "ok" : "FAIL") + " " + escape_html(str(c["kind"])) +
             ": " + escape_html(str(c["message"])) + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!report["warnings"].empty()) {
    out += "<h3>Warnings</h3>\n<ul>\n";
    for (const json& w : report["warnings"])
      out += "<li>" + escape_html(str(w["code"])) + ": " + escape_html(str(w["message"])) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

// The file name under --out for an input id (see outName in the JS CLI).
std::string out_name(const json& id, const std::string& extension, std::set<std::string>* used) {
  std::string path = id == json("-") ? std::string("stdin") : id_text(id);
  std::replace(path.begin(), path.end(), '\\', '/');
  std::string base;
  std::stringstream segments(path);
  for (std::string segment; std::getline(segments, segment, '/');) {
    if (segment.empty() || segment == "." || segment == "..") continue;
    for (char& c : segment)
      if (std::strchr("<>:\"|?*", c) != nullptr || static_cast<unsigned char>(c) < 0x20) c = '_';
    base += (base.empty() ? "" : "/") + segment;
  }
  if (base.empty()) base = "report";
  std::string name = base + "." + extension;
  for (int n = 2; used->count(name) > 0; ++n) name = base + "-" + std::to_string(n) + "." + extension;
  used->insert(name);
  return name;
}

std::string extension_of(const std::string& format) {
  if (format == "text") return "txt";
  return format;
}

// ---------------------------------------------------------------------------
// Inputs

bool is_blank(std::string_view bytes) {
  for (char c : bytes)
    if (!(c == ' ' || (c >= '\t' && c <= '\r'))) return false;
  return true;
}

std::string_view strip_bom(std::string_view bytes) {
  return bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? bytes.substr(3) : bytes;
}

std::string error_text(const std::error_code& error) {
  if (error == std::errc::no_such_file_or_directory) return "no such file or directory";
  if (error == std::errc::permission_denied) return "permission denied";
  if (error == std::errc::is_a_directory) return "is a directory";
  return error.message();
}

struct Source {
  bool is_stdin;
  std::string name;
  uintmax_t size;
};

class Reporter {
 public:
  explicit Reporter(bool quiet) : quiet_(quiet) {}
  void problem(const std::string& where, const std::string& message) {
    ++errors_;
    clear_progress();
    std::fprintf(stderr, "article-inspector: %s: %s\n", where.c_str(), message.c_str());
  }
  void warn(const std::string& where, const std::string& message) {
    if (quiet_) return;
    clear_progress();
    std::fprintf(stderr, "article-inspector: %s: warning: %s\n", where.c_str(), message.c_str());
  }
  void set_progress_line(bool shown) { progress_shown_ = shown; }
  size_t errors() const { return errors_; }

 private:
  void clear_progress() {
    if (progress_shown_) std::fputs("\r\x1b[K", stderr);
    progress_shown_ = false;
  }
  bool quiet_;
  bool progress_shown_ = false;
  size_t errors_ = 0;
};

bool has_input_extension(const std::string& name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return false;
  std::string ext = name.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt" || ext == ".md" || ext == ".html";
}

void walk(const std::string& dir, std::vector<Source>* sources, Reporter* reporter) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    reporter->problem(dir, error_text(error));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    const std::string child = (!dir.empty() && dir.back() == '/') ? dir + name : dir + "/" + name;
    std::error_code e;
    if (!entry.is_symlink(e) && entry.is_directory(e)) {
      walk(child, sources, reporter);
    } else if (has_input_extension(name)) {
      const fs::file_status status = fs::status(child, e);
      if (e) {
        reporter->problem(child, error_text(e));
        continue;
      }
      if (fs::is_regular_file(status)) sources->push_back({false, child, fs::file_size(child, e)});
    }
  }
}

std::vector<Source> collect_sources(const std::vector<std::string>& inputs, Reporter* reporter, bool* saw_directory) {
  std::vector<Source> sources;
  for (const std::string& input : inputs) {
    if (input == "-") {
      sources.push_back({true, "-", 0});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      reporter->problem(input, error ? error_text(error) : "no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      *saw_directory = true;
      walk(input, &sources, reporter);
    } else {
      std::error_code e;
      const uintmax_t size = fs::file_size(input, e);
      sources.push_back({false, input, e ? 0 : size});
    }
  }
  return sources;
}

bool read_all(std::istream& in, std::string* out) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = std::move(buffer).str();
  return !in.bad();
}

// One article to inspect: where it came from and its bytes (or JSONL text).
struct Article {
  json id;
  std::string where;
  std::string input;
  size_t size = 0;
};

struct Outcome {
  std::string error;                  // non-empty: skipped
  std::vector<std::string> warnings;  // report warnings, then failed checks
  bool checks_failed = false;
  std::string rendered;               // what goes to stdout, or into the --out file
};

struct JsonlLine {
  std::optional<Article> article;
  std::string error;
};

JsonlLine parse_jsonl_line(std::string_view bytes, size_t line, const std::string& label) {
  JsonlLine result;
  if (line == 1) bytes = strip_bom(bytes);
  const json object = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) {
    result.error = "not valid JSON";
    return result;
  }
  if (!object.is_object()) {
    result.error = "expected a JSON object {\"id\": ..., \"text\": ...}";
    return result;
  }
  const auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    result.error = "missing \"text\" string";
    return result;
  }
  json id = static_cast<uint64_t>(line);
  const auto given = object.find("id");
  if (given != object.end() && !given->is_null()) {
    if (!given->is_string() && !given->is_number()) {
      result.error = "\"id\" must be a string or a number";
      return result;
    }
    id = *given;
  }
  Article article;
  article.id = id;
  article.where = label + ":" + std::to_string(line);
  article.input = text->get<std::string>();
  article.size = bytes.size();
  result.article = std::move(article);
  return result;
}

// ---------------------------------------------------------------------------
// The run

class Runner {
 public:
  Runner(const Args& args, const ai::Inspector& inspector, bool many)
      : args_(args), inspector_(inspector), many_(many), html_(args.format == "html") {
    json options = args.options;
    if (html_) options["offsets"] = "byte";  // highlighting works on the UTF-8 text
    const ai::Result<ai::ParsedOptions> parsed = ai::parse_options_json(options.dump());
    parsed_ = parsed.value();  // the flags were validated while parsing the command line
  }

  // Inspects one article and renders it, taking its input over (the report
  // holds the text: no second copy of a long one). Thread-safe.
  Outcome process(Article* article) const {
    Outcome outcome;
    if (is_blank(article->input)) {
      outcome.error = "empty text, skipped";
      return outcome;
    }
    std::string compact;  // moved on into the rendering where it can be
    std::string text;     // the report's, for html, which highlights it
    {
      ai::Result<ai::Report> made = inspector_.inspect_owned(std::move(article->input), parsed_.inspect);
      if (!made.ok()) {
        outcome.error = made.error();
        return outcome;
      }
      ai::Report& report = made.value();
      for (const ai::Warning& w : report.warnings) outcome.warnings.push_back(w.message);
      for (const ai::Check& c : report.checks) {
        if (c.ok) continue;
        outcome.checks_failed = true;
        if (args_.fail_on_checks) outcome.warnings.push_back("check failed: " + c.kind + ": " + c.message);
      }
      compact = ai::report_to_json(report, parsed_.offsets);
      if (html_) text = std::move(report.text);
    }  // the report goes before the rendering, which holds the JSON once or twice more
    const bool alone = args_.out.has_value();
    const std::string& format = args_.format;
    if (format == "json") {
      outcome.rendered =
          alone || !many_ ? pretty_json(compact, 0) + "\n" : pretty_json(with_id(article->id, std::move(compact)), 1);
    } else if (format == "jsonl") {
      outcome.rendered = with_id(article->id, std::move(compact));
      outcome.rendered += '\n';
    } else {
      const json parsed = json::parse(compact);
      const bool many = many_ && !alone;
      if (format == "text") outcome.rendered = render_text(article->id, parsed, many);
      else if (format == "md") outcome.rendered = render_markdown(article->id, parsed, many);
      else if (format == "csv") outcome.rendered = (alone ? kCsvHeader : "") + render_csv_rows(article->id, parsed);
      else if (format == "html") {
        const std::string section = render_html_section(article->id, text, parsed);
        outcome.rendered = alone ? kHtmlHead + section + kHtmlFoot : section;
      }
    }
    return outcome;
  }

 private:
  const Args& args_;
  const ai::Inspector& inspector_;
  bool many_;
  bool html_;
  ai::ParsedOptions parsed_;
};

class Progress {
 public:
  Progress(bool enabled, size_t total_articles, uintmax_t total_bytes)
      : enabled_(enabled), total_articles_(total_articles), total_bytes_(total_bytes), started_(Clock::now()) {}
  void advance(size_t bytes, Reporter* reporter) {
    ++articles_;
    bytes_ += bytes;
    if (!enabled_ || Clock::now() - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = Clock::now();
    const double elapsed = std::max(seconds(), 1e-3);
    char rate[96];
    std::snprintf(rate, sizeof rate, "%.1f articles/s, %.2f MB/s", articles_ / elapsed, bytes_ / 1e6 / elapsed);
    double fraction = -1;
    if (total_bytes_ > 0) fraction = std::min(static_cast<double>(bytes_) / total_bytes_, 1.0);
    else if (total_articles_ > 0) fraction = std::min(static_cast<double>(articles_) / total_articles_, 1.0);
    std::string line;
    if (fraction < 0) {
      line = std::to_string(articles_) + " articles, " + rate;
    } else {
      const int width = 24;
      const int filled = static_cast<int>(std::lround(fraction * width));
      const long eta = fraction > 0 ? std::lround(elapsed * (1 - fraction) / fraction) : 0;
      char head[64];
      std::snprintf(head, sizeof head, "] %3.0f%% ", fraction * 100);
      char tail[32];
      std::snprintf(tail, sizeof tail, ", ETA %ld:%02ld", eta / 60, eta % 60);
      line = "[" + std::string(filled, '#') + std::string(width - filled, '-') + head + std::to_string(articles_) +
             (total_articles_ > 0 ? "/" + std::to_string(total_articles_) : "") + ", " + rate + tail;
    }
    std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
    reporter->set_progress_line(true);
  }
  void finish(Reporter* reporter) {
    if (enabled_) std::fputs("\r\x1b[K", stderr);
    reporter->set_progress_line(false);
  }
  std::string summary(size_t errors) const {
    const double elapsed = std::max(seconds(), 1e-3);
    const double mb = bytes_ / 1e6;
    char line[160];
    std::snprintf(line, sizeof line, "%zu article%s, %.2f MB in %.1f s (%.2f MB/s), %zu error%s", articles_,
                  articles_ == 1 ? "" : "s", mb, elapsed, mb / elapsed, errors, errors == 1 ? "" : "s");
    return line;
  }

 private:
  using Clock = std::chrono::steady_clock;
  double seconds() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }
  bool enabled_;
  size_t total_articles_;
  uintmax_t total_bytes_;
  size_t articles_ = 0;
  uintmax_t bytes_ = 0;
  Clock::time_point started_;
  Clock::time_point last_draw_{};
};

// Inspects batches of articles on `jobs` threads and writes the results in order.
class Pipeline {
 public:
  Pipeline(const Args& args, const Runner& runner, bool many, Reporter* reporter, Progress* progress)
      : args_(args), runner_(runner), many_(many), reporter_(reporter), progress_(progress),
        jobs_(args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency())) {}

  void add(Article article) {
    pending_bytes_ += article.input.size();
    batch_.push_back(std::move(article));
    if (batch_.size() >= jobs_ * 16 || pending_bytes_ >= (size_t{64} << 20)) flush();
  }

  void flush() {
    std::vector<Outcome> outcomes(batch_.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch_.size(); i = next++) outcomes[i] = runner_.process(&batch_[i]);
    };
    const unsigned threads = static_cast<unsigned>(std::min<size_t>(jobs_, batch_.size()));
    if (threads <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
      for (std::thread& thread : pool) thread.join();
    }
    for (size_t i = 0; i < batch_.size(); ++i) emit(batch_[i], &outcomes[i]);
    std::fflush(stdout);
    batch_.clear();
    pending_bytes_ = 0;
  }

  void finish() {
    flush();
    if (!args_.out) {
      if (args_.format == "json" && many_) std::fputs(emitted_ > 0 ? "\n]\n" : "[]\n", stdout);
      if (args_.format == "html" && emitted_ > 0) std::fputs(kHtmlFoot, stdout);
    }
    std::fflush(stdout);
  }

  bool checks_failed() const { return checks_failed_; }

 private:
  void emit(const Article& article, Outcome* outcome) {
    if (!outcome->error.empty()) {
      reporter_->problem(article.where, outcome->error);
      return;
    }
    for (const std::string& warning : outcome->warnings) reporter_->warn(article.where, warning);
    checks_failed_ = checks_failed_ || outcome->checks_failed;
    if (args_.out) {
      const std::string file = *args_.out + "/" + out_name(article.id, extension_of(args_.format), &used_names_);
      std::error_code error;
      fs::create_directories(fs::path(file).parent_path(), error);
      std::ofstream out(file, std::ios::binary);
      out << outcome->rendered;
      out.close();
      if (error || !out) {
        reporter_->problem(file, error ? error_text(error) : "cannot write");
        return;
      }
    } else {
      if (emitted_ == 0) {
        if (many_ && args_.format == "json") std::fputs("[\n", stdout);
        if (args_.format == "csv") std::fputs(kCsvHeader, stdout);
        if (args_.format == "html") std::fputs(kHtmlHead, stdout);
      }
      if (args_.format == "json" && many_) std::fputs(emitted_ > 0 ? ",\n  " : "  ", stdout);
      std::fwrite(outcome->rendered.data(), 1, outcome->rendered.size(), stdout);
    }
    ++emitted_;
    progress_->advance(article.size, reporter_);
  }

  const Args& args_;
  const Runner& runner_;
  bool many_;
  Reporter* reporter_;
  Progress* progress_;
  size_t jobs_;
  std::vector<Article> batch_;
  size_t pending_bytes_ = 0;
  size_t emitted_ = 0;
  bool checks_failed_ = false;
  std::set<std::string> used_names_;
};

int run(int argc, char** argv) {
  Args args;
  try {
    args = parse_args(argc, argv);
  } catch (const UsageError& error) {
    std::fprintf(stderr, "article-inspector: %s\nTry \"article-inspector --help\".\n", error.message.c_str());
    return 2;
  }
  if (args.help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args.version) {
    std::printf("article-inspector %s\n", ai::Inspector::version());
    return 0;
  }
  bool dash_given = false;
  for (int i = 1; i < argc; ++i) dash_given = dash_given || std::string(argv[i]) == "-";
  if (args.inputs.size() == 1 && args.inputs[0] == "-" && !dash_given && isatty(0)) {
    std::fprintf(stderr, "article-inspector: no input: give files or directories, or pipe text to stdin\n\n%s", kUsage);
    return 2;
  }
  ai::Result<ai::Inspector> made = ai::Inspector::create({});
  if (!made.ok()) {
    std::fprintf(stderr, "article-inspector: could not start the engine: %s\n", made.error().c_str());
    return 1;
  }
  if (args.out) {
    std::error_code error;
    fs::create_directories(*args.out, error);
    if (error) {
      std::fprintf(stderr, "article-inspector: --out %s: %s\n", args.out->c_str(), error_text(error).c_str());
      return 2;
    }
  }

  Reporter reporter(args.quiet);
  bool saw_directory = false;
  const std::vector<Source> sources = collect_sources(args.inputs, &reporter, &saw_directory);
  // One report alone, or a batch: decided by the command line (as in the JS CLI).
  const bool many = args.jsonl || args.inputs.size() > 1 || saw_directory;
  uintmax_t total_bytes = 0;
  for (const Source& s : sources) total_bytes += s.size;
  Progress progress(many && !args.quiet && isatty(2), args.jsonl ? 0 : sources.size(), total_bytes);
  const Runner runner(args, made.value(), many);
  Pipeline pipeline(args, runner, many, &reporter, &progress);

  std::ios::sync_with_stdio(false);
  for (const Source& source : sources) {
    const std::string label = source.is_stdin ? "<stdin>" : source.name;
    std::ifstream file;
    if (!source.is_stdin) {
      file.open(source.name, std::ios::binary);
      if (!file) {
        std::error_code error(errno, std::generic_category());
        reporter.problem(label, error_text(error));
        continue;
      }
    }
    std::istream& in = source.is_stdin ? std::cin : file;
    if (args.jsonl) {
      size_t number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (is_blank(line)) continue;
        JsonlLine parsed = parse_jsonl_line(line, number, label);
        if (!parsed.article) {
          // Keep stderr in input order: what is queued before this line goes first.
          pipeline.flush();
          reporter.problem(label + ":" + std::to_string(number), parsed.error);
          continue;
        }
        pipeline.add(std::move(*parsed.article));
      }
      if (in.bad()) reporter.problem(label, "read error");
    } else {
      std::string bytes;
      if (!read_all(in, &bytes)) {
        reporter.problem(label, "read error");
        continue;
      }
      Article article;
      article.id = source.name;
      article.where = label;
      article.input = std::move(bytes);
      article.input.erase(0, article.input.size() - strip_bom(article.input).size());
      article.size = article.input.size();
      pipeline.add(std::move(article));
    }
  }
  pipeline.finish();
  progress.finish(&reporter);
  if (many && !args.quiet) std::fprintf(stderr, "article-inspector: %s\n", progress.summary(reporter.errors()).c_str());
  return reporter.errors() > 0 || (args.fail_on_checks && pipeline.checks_failed()) ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  tools::keep_freed_memory_for_reuse();  // big texts: see process_memory.h
  return run(argc, argv);
}
