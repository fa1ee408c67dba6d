// eval_ner — scores the entity recognizer on a CoNLL-2003 file and measures
// its speed on a folder of articles.
//
//   eval_ner [--model models/ner.model] [--data valid.txt] [--bbc DIR] [--errors N]
//
// Accuracy: the CoNLL tokens are joined back into raw text (conll.h), the
// text goes through the core tokenizer and the full recognizer (tagging and
// grouping), and found mention spans are compared exactly, by character span
// and type, with the gold ones: P/R/F1 per type and overall. Without
// --model the model compiled into the library is used.
// Speed: every file under --bbc (recursively; invalid UTF-8 repaired first)
// is tokenised and recognised; the best of three rounds is reported in MB/s
// (CPU time, one core) for tokenising alone and for tokenising plus entity
// recognition.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <time.h>
#include <vector>

#include "tool_files.h"
#include "builtin_model.h"
#include "conll.h"
#include "entities.h"
#include "tagger.h"
#include "text.h"
#include "utf8.h"

namespace {

// CPU time of this process: the machine is shared, and per-core speed is what we report.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

void print_scores(const char* title, const ai::SpanScores& s) {
  std::printf("%s\n%-8s %7s %7s %7s %6s\n", title, "type", "P", "R", "F1", "gold");
  const char* names[] = {"PER", "ORG", "LOC", "MISC", "overall"};
  for (int t = 0; t < 5; ++t)
    std::printf("%-8s %7.2f %7.2f %7.2f %6zu\n", names[t], 100 * s.precision(t), 100 * s.recall(t), 100 * s.f1(t), s.gold[t]);
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path, data_path, bbc_dir;
  int show_errors = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--model") model_path = argv[i + 1];
    else if (arg == "--data") data_path = argv[i + 1];
    else if (arg == "--bbc") bbc_dir = argv[i + 1];
    else if (arg == "--errors") show_errors = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: eval_ner [--model FILE] [--data CONLL] [--bbc DIR] [--errors N]\n");
      return 2;
    }
  }
  std::string model_bytes;
  if (!model_path.empty() && !read_file(model_path, &model_bytes)) {
    std::fprintf(stderr, "eval_ner: cannot read %s\n", model_path.c_str());
    return 1;
  }
  const ai::Result<ai::EntityRecognizer> made =
      ai::EntityRecognizer::create(model_path.empty() ? ai::builtin_ner_model() : std::string_view(model_bytes));
  if (!made.ok()) {
    std::fprintf(stderr, "eval_ner: %s\n", made.error().c_str());
    return 1;
  }
  const ai::EntityRecognizer& recognizer = made.value();

  if (!data_path.empty()) {
    std::string file;
    if (!read_file(data_path, &file)) {
      std::fprintf(stderr, "eval_ner: cannot read %s\n", data_path.c_str());
      return 1;
    }
    const ai::Tagger tagger =
        ai::Tagger::load(model_path.empty() ? ai::builtin_ner_model() : std::string_view(model_bytes)).value();
    ai::SpanScores scores, tagger_scores;
    int errors_left = show_errors;
    size_t tokens = 0;
    for (const ai::ConllDocument& d : ai::parse_conll(file)) {
      const ai::Document doc = ai::analyze_text(d.text);
      tokens += doc.tokens.size();
      std::vector<ai::GoldEntity> found;
      for (const ai::Entity& e : recognizer.find(doc))
        for (const ai::Span& m : e.mentions) found.push_back({m, e.type});
      scores.add(d.entities, found);
      std::vector<ai::GoldEntity> tagged;
      for (const ai::TaggedMention& m : tagger.tag(doc))
        tagged.push_back({{doc.tokens[m.first_token].start, doc.tokens[m.end_token - 1].end}, m.type});
      tagger_scores.add(d.entities, tagged);
      if (errors_left > 0) {
        auto print = [&](const char* what, const ai::GoldEntity& e) {
          std::printf("%s %-4s %s\n", what, ai::entity_type_name(e.type), std::string(doc.span_text(e.span)).c_str());
        };
        for (const ai::GoldEntity& g : d.entities) {
          const bool hit = std::any_of(found.begin(), found.end(), [&](const ai::GoldEntity& f) { return f.span == g.span && f.type == g.type; });
          if (!hit && errors_left-- > 0) print("missed", g);
        }
        for (const ai::GoldEntity& f : found) {
          const bool hit = std::any_of(d.entities.begin(), d.entities.end(), [&](const ai::GoldEntity& g) { return f.span == g.span && f.type == g.type; });
          if (!hit && errors_left-- > 0) print("extra ", f);
        }
      }
    }
    std::printf("%s: %zu tokens\n", data_path.c_str(), tokens);
    print_scores("tagger alone (mention types before grouping)", tagger_scores);
    print_scores("entities: exact character spans, raw text through the core tokenizer", scores);
  }

  if (!bbc_dir.empty()) {
    std::vector<std::string> paths;
    tools::list_files(bbc_dir, &paths);
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> texts;
    size_t bytes = 0;
    for (const std::string& p : paths) {
      std::string raw;
      if (!read_file(p, &raw)) continue;
      texts.push_back(ai::repair_utf8(raw).text);
      bytes += texts.back().size();
    }
    double best_tokenize = 1e9, best_total = 1e9;
    size_t mentions = 0;
    for (int round = 0; round < 3; ++round) {
      double tokenize = 0, total = 0;
      mentions = 0;
      for (const std::string& text : texts) {
        const double a = cpu_seconds();
        const ai::Document doc = ai::analyze_text(text);
        const double b = cpu_seconds();
        for (const ai::Entity& e : recognizer.find(doc)) mentions += e.mentions.size();
        const double c = cpu_seconds();
        tokenize += b - a;
        total += c - a;
      }
      best_tokenize = std::min(best_tokenize, tokenize);
      best_total = std::min(best_total, total);
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("%s: %zu files, %.2f MB, %zu mentions\n", bbc_dir.c_str(), texts.size(), mb, mentions);
    std::printf("tokenize: %.1f MB/s; tokenize + entities: %.1f MB/s (entities alone %.1f MB/s)\n", mb / best_tokenize,
                mb / best_total, mb / (best_total - best_tokenize));
  }
  return 0;
}
