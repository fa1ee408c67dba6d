// figures_bench: speed of the figures pass alone, and a figure dump for
// eyeballing.
//
//   figures_bench DIR_OR_FILE...           MB/s of FigureFinder::find over every file
//                                          (tokenising is done first and not timed)
//   figures_bench --print FILE...          one line per figure and check
//   figures_bench --mark FILE...           the text with every figure in [brackets]
//   figures_bench --text "3.5 million"     the same for a literal text
//
// Files are repaired to valid UTF-8 first, as the inspector does.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "figures.h"
#include "text.h"
#include "utf8.h"

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void collect(const std::filesystem::path& path, std::vector<std::filesystem::path>* files) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error))
      if (entry.is_regular_file()) files->push_back(entry.path());
  } else {
    files->push_back(path);
  }
}

std::string amount_text(const ai::Amount& a) {
  char buffer[64];
  if (!a.is_range()) std::snprintf(buffer, sizeof buffer, "%.10g", a.min);
  else std::snprintf(buffer, sizeof buffer, "[%.10g, %.10g]", a.min, a.max);
  return buffer;
}

// The text with every figure in [brackets], for spotting misses.
void mark(const std::string& text, const ai::FigureFinder& finder) {
  const ai::Document doc = ai::analyze_text(text);
  std::string out;
  size_t at = 0;
  for (const ai::Figure& f : finder.find(doc, {})) {
    out.append(text, at, f.span.start - at);
    out += "[" + text.substr(f.span.start, f.span.size()) + "]";
    at = f.span.end;
  }
  out.append(text, at, std::string::npos);
  std::printf("%s\n", out.c_str());
}

void print(const std::string& text, const ai::FigureFinder& finder) {
  const ai::Document doc = ai::analyze_text(text);
  const std::vector<ai::Figure> figures = finder.find(doc, {});
  for (const ai::Figure& f : figures) {
    std::printf("%-9s %-30.*s value=%s unit=%s%s%s%s%s\n", ai::figure_kind_name(f.kind), static_cast<int>(f.span.size()),
                text.data() + f.span.start, amount_text(f.value).c_str(), f.unit.c_str(), f.approx ? " approx" : "",
                f.qualifier.empty() ? "" : (" q=" + f.qualifier).c_str(),
                f.counted.empty() ? "" : (" counted=" + f.counted).c_str(),
                f.date_text.empty() ? "" : (" date=" + f.date_text).c_str());
  }
  for (const ai::Check& c : ai::check_figures(doc, figures))
    std::printf("check %s %s: %s\n", c.kind.c_str(), c.ok ? "ok" : "FLAGGED", c.message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  ai::Result<ai::FigureFinder> made = ai::FigureFinder::create();
  if (!made.ok()) {
    std::fprintf(stderr, "figures_bench: %s\n", made.error().c_str());
    return 1;
  }
  const ai::FigureFinder& finder = made.value();
  if (argc >= 3 && std::string(argv[1]) == "--text") {
    for (int i = 2; i < argc; ++i) print(argv[i], finder);
    return 0;
  }
  const bool print_mode = argc >= 2 && std::string(argv[1]) == "--print";
  const bool mark_mode = argc >= 2 && std::string(argv[1]) == "--mark";
  std::vector<std::filesystem::path> files;
  for (int i = print_mode || mark_mode ? 2 : 1; i < argc; ++i) collect(argv[i], &files);
  if (files.empty()) {
    std::fprintf(stderr, "usage: figures_bench [--print|--mark] DIR_OR_FILE... | --text TEXT...\n");
    return 2;
  }
  if (print_mode || mark_mode) {
    for (const auto& file : files) (mark_mode ? mark : print)(ai::repair_utf8(read_all(file)).text, finder);
    return 0;
  }
  std::vector<std::string> texts;
  std::vector<ai::Document> docs;
  size_t bytes = 0;
  for (const auto& file : files) texts.push_back(ai::repair_utf8(read_all(file)).text);
  for (const std::string& t : texts) {
    docs.push_back(ai::analyze_text(t));
    bytes += t.size();
  }
  // Best of five rounds, in wall time and in process CPU time (the machine
  // may be shared; CPU time is the fairer figure then).
  double best = 1e300, best_cpu = 1e300;
  size_t figures = 0;
  for (int round = 0; round < 5; ++round) {
    figures = 0;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    for (const ai::Document& d : docs) figures += finder.find(d, {}).size();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  std::printf("%zu files, %.2f MB, %zu figures: %.1f MB/s wall (%.1f ms), %.1f MB/s CPU time; figures pass alone, best of 5\n",
              files.size(), bytes / 1e6, figures, bytes / 1e6 / best, best * 1e3, bytes / 1e6 / best_cpu);
  return 0;
}
