// bench_native — throughput of the native core: the whole pipeline and each
// stage, on a corpus of article files, as medians over repeated passes.
//
//   bench_native [--runs N] [--json] PATH...
//       PATHs are files or directories (searched recursively for *.txt). Each
//       pass inspects every article once; the report gives the median pass.
//   bench_native --scale 1K,64K,1M,50M,200M [--json] PATH...
//       Time per MB of the whole pipeline on single texts of growing size,
//       built by concatenating the corpus articles (paragraph-separated).
//
// "Whole" is what a caller gets: Inspector::inspect plus report_to_json. The
// stages are timed one after another on the same article, in pipeline order.
// MB means 10^6 bytes of input. scripts/bench.sh runs this next to the wasm
// and JavaScript measurements (bench/bench.js).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "attribution.h"
#include "builtin_model.h"
#include "entities.h"
#include "figures.h"
#include "inspector.h"
#include "process_memory.h"
#include "report_json.h"
#include "structure.h"
#include "text.h"
#include "utf8.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The articles under `paths`, in a stable (sorted) order.
std::vector<std::string> load_corpus(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::string& p : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(p, error)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(p, error))
        if (entry.is_regular_file() && entry.path().extension() == ".txt" && entry.path().filename() != "README.TXT")
          files.push_back(entry.path());
    } else {
      files.emplace_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> articles;
  for (const auto& f : files) articles.push_back(read_file(f));
  return articles;
}

constexpr const char* kStages[] = {"repair", "tokenize", "layout", "figures", "checks", "entities", "quotes", "sources", "json"};
constexpr size_t kStageCount = sizeof kStages / sizeof kStages[0];

struct Engines {
  ai::Inspector inspector;
  ai::FigureFinder figures;
  ai::EntityRecognizer entities;
};

// One pass of every stage over every article; adds each stage's time to `totals`.
void time_stages(const Engines& engines, const std::vector<std::string>& articles, double* totals) {
  for (const std::string& article : articles) {
    Clock::time_point t = Clock::now();
    auto lap = [&](size_t stage) {
      const Clock::time_point now = Clock::now();
      totals[stage] += std::chrono::duration<double>(now - t).count();
      t = now;
    };
    ai::Report report;
    report.text = ai::repair_utf8(article).text;
    lap(0);
    const ai::Document doc = ai::analyze_text(report.text);
    lap(1);
    report.layout = ai::analyze_layout(doc);
    lap(2);
    report.figures = engines.figures.find(doc, {});
    lap(3);
    report.checks = ai::check_figures(doc, report.figures);
    lap(4);
    report.entities = engines.entities.find(doc);
    lap(5);
    // The quotes row includes the attribution context that both stages read.
    const ai::AttributionContext attribution(doc, report.entities);
    report.quotes = ai::find_quotes(attribution, report.layout);
    lap(6);
    report.sources = ai::find_sources(attribution, report.layout, report.quotes);
    lap(7);
    const std::string json = ai::report_to_json(report, ai::OffsetUnit::kUtf16);
    lap(8);
  }
}

double inspect_to_json(const ai::Inspector& inspector, const std::string& text) {
  const Clock::time_point start = Clock::now();
  const ai::Result<ai::Report> report = inspector.inspect(text, {});
  if (!report.ok()) {
    std::fprintf(stderr, "bench_native: %s\n", report.error().c_str());
    std::exit(1);
  }
  const std::string json = ai::report_to_json(report.value(), ai::OffsetUnit::kUtf16);
  return seconds_since(start);
}

int run_throughput(const Engines& engines, const std::vector<std::string>& articles, int runs, bool as_json) {
  size_t bytes = 0;
  for (const std::string& a : articles) bytes += a.size();
  const double mb = static_cast<double>(bytes) / 1e6;

  std::vector<double> whole;
  std::vector<std::vector<double>> stages(kStageCount);
  for (const std::string& a : articles) inspect_to_json(engines.inspector, a);  // warm-up pass
  for (int run = 0; run < runs; ++run) {
    double pass = 0;
    for (const std::string& a : articles) pass += inspect_to_json(engines.inspector, a);
    whole.push_back(pass);
    double totals[kStageCount] = {};
    time_stages(engines, articles, totals);
    for (size_t s = 0; s < kStageCount; ++s) stages[s].push_back(totals[s]);
  }
  const double whole_seconds = median(whole);
  if (as_json) {
    std::printf("{\"articles\":%zu,\"bytes\":%zu,\"runs\":%d,\"whole\":{\"seconds\":%.6f,\"mb_per_s\":%.3f,\"articles_per_s\":%.1f},\"stages\":{",
                articles.size(), bytes, runs, whole_seconds, mb / whole_seconds, articles.size() / whole_seconds);
    for (size_t s = 0; s < kStageCount; ++s) {
      const double seconds = median(stages[s]);
      std::printf("%s\"%s\":{\"seconds\":%.6f,\"mb_per_s\":%.3f,\"articles_per_s\":%.1f}", s ? "," : "", kStages[s], seconds,
                  mb / seconds, articles.size() / seconds);
    }
    std::printf("}}\n");
    return 0;
  }
  std::printf("%zu articles, %.2f MB, median of %d passes\n", articles.size(), mb, runs);
  std::printf("%-10s %12s %12s %10s\n", "stage", "MB/s", "articles/s", "ms/pass");
  std::printf("%-10s %12.2f %12.0f %10.1f\n", "whole", mb / whole_seconds, articles.size() / whole_seconds, whole_seconds * 1e3);
  for (size_t s = 0; s < kStageCount; ++s) {
    const double seconds = median(stages[s]);
    std::printf("%-10s %12.2f %12.0f %10.1f\n", kStages[s], mb / seconds, articles.size() / seconds, seconds * 1e3);
  }
  return 0;
}

// Parses "1K", "50M", "200M", "1G", "4096" into bytes.
size_t parse_size(const std::string& text) {
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  double scale = 1;
  if (*end == 'K' || *end == 'k') scale = 1e3;
  if (*end == 'M' || *end == 'm') scale = 1e6;
  if (*end == 'G' || *end == 'g') scale = 1e9;
  return static_cast<size_t>(number * scale);
}

// Texts of `size` bytes (each cut back to UTF-8 boundaries), cut one after
// another from the corpus joined (and repeated where it is shorter), as many
// as cover the corpus once: every size reads the same prose, so time per MB
// compares sizes rather than the content of one sample (a lone 1 KB cut of
// one article ran 1.5x faster per MB than the corpus does).
std::vector<std::string> texts_of_size(const std::vector<std::string>& articles, size_t size) {
  std::string corpus;
  for (const std::string& a : articles) corpus += a + "\n\n";
  const size_t count = std::max<size_t>(1, corpus.size() / size);
  std::string stream;
  while (stream.size() < count * size + 4) stream += corpus;
  std::vector<std::string> texts;
  for (size_t k = 0; k < count; ++k) {
    size_t begin = k * size, end = begin + size;
    while ((static_cast<unsigned char>(stream[begin]) & 0xC0) == 0x80) ++begin;
    while (end > begin && (static_cast<unsigned char>(stream[end]) & 0xC0) == 0x80) --end;
    texts.push_back(stream.substr(begin, end - begin));
  }
  return texts;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int run_scale(const ai::Inspector& inspector, const std::vector<std::string>& articles, const std::string& sizes, bool as_json) {
  std::vector<size_t> targets;
  std::stringstream list(sizes);
  for (std::string item; std::getline(list, item, ',');) targets.push_back(parse_size(item));
  if (!as_json) std::printf("%12s %8s %8s %12s %10s %10s\n", "bytes", "texts", "passes", "s/MB", "MB/s", "peak MB");
  if (as_json) std::printf("[");
  for (size_t k = 0; k < targets.size(); ++k) {
    const std::vector<std::string> texts = texts_of_size(articles, targets[k]);
    size_t bytes = 0;
    for (const std::string& t : texts) bytes += t.size();
    // Passes over the texts until half a second of work (at least three), so
    // small sizes are not all clock noise; the median pass is reported.
    std::vector<double> times;
    double spent = 0;
    while (times.size() < 3 || spent < 0.5) {
      double pass = 0;
      for (const std::string& t : texts) pass += inspect_to_json(inspector, t);
      times.push_back(pass);
      spent += pass;
      if (spent > 5) break;  // the large sizes: a single measured pass is enough
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    const double seconds = median(times);
    if (as_json) {
      std::printf("%s{\"bytes\":%zu,\"texts\":%zu,\"reps\":%zu,\"seconds\":%.6f,\"seconds_per_mb\":%.6f,\"peak_rss_mb\":%ld}",
                  k ? "," : "", targets[k], texts.size(), times.size(), seconds, seconds / mb, peak_rss_mb());
    } else {
      std::printf("%12zu %8zu %8zu %12.5f %10.2f %10ld\n", targets[k], texts.size(), times.size(), seconds / mb, mb / seconds,
                  peak_rss_mb());
    }
    std::fflush(stdout);
  }
  if (as_json) std::printf("]\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // As the CLI does, so that what is measured is what its users get.
  tools::keep_freed_memory_for_reuse();
  int runs = 5;
  bool as_json = false;
  std::string scale;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--json") {
      as_json = true;
    } else if (arg == "--scale" && i + 1 < argc) {
      scale = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "usage: bench_native [--runs N] [--json] [--scale SIZES] PATH...\n");
      return 2;
    } else {
      paths.push_back(arg);
    }
  }
  const std::vector<std::string> articles = load_corpus(paths);
  if (articles.empty()) {
    std::fprintf(stderr, "bench_native: no articles found (give files or directories of .txt files)\n");
    return 2;
  }
  ai::Result<ai::Inspector> inspector = ai::Inspector::create({});
  ai::Result<ai::FigureFinder> figures = ai::FigureFinder::create();
  ai::Result<ai::EntityRecognizer> entities = ai::EntityRecognizer::create(ai::builtin_ner_model());
  if (!inspector.ok() || !figures.ok() || !entities.ok()) {
    std::fprintf(stderr, "bench_native: cannot build the inspector: %s%s%s\n", inspector.error().c_str(),
                 figures.error().c_str(), entities.error().c_str());
    return 1;
  }
  const Engines engines{std::move(inspector).value(), std::move(figures).value(), std::move(entities).value()};
  if (!scale.empty()) return run_scale(engines.inspector, articles, scale, as_json);
  return run_throughput(engines, articles, runs, as_json);
}
