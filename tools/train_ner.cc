// train_ner — trains the entity tagger (core/tagger.h) from CoNLL-2003 files.
//
//   train_ner --train train.txt --valid valid.txt --out models/ner.model
//             --metrics models/ner.metrics.json [--gazetteer list.tsv]...
//             [--cluster-text DIR]... [--epochs 10] [--bits 17] [--stages 2]
//             [--prune 6]
//
// Training runs on raw text rebuilt from the CoNLL tokens and re-tokenised by
// the core tokenizer, exactly as the shipped recognizer will see text. Each
// stage is an averaged structured perceptron with BILOU Viterbi decoding; the
// epoch count of each stage is picked by exact-span F1 on --valid. The second
// stage is trained on first-stage labels predicted by 2-fold jackknifing, so
// that it learns how far to trust a realistic first pass. Gazetteer features
// of a training document never count that document's own names. Word classes
// (word_clusters.h) are clustered from the --cluster-text folders (unlabelled
// news) plus the training text. --prune Q drops buckets whose quantised
// weights are all below Q (of 127), trading a little accuracy for size.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <dirent.h>
#include <sys/stat.h>
#include <unordered_map>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tool_files.h"
#include "conll.h"
#include "entities.h"
#include "gazetteer.h"
#include "ner_features.h"
#include "tagger.h"
#include "text.h"
#include "utf8.h"
#include "word_clusters.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "train_ner: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const char* kTypeNames[] = {"PER", "ORG", "LOC", "MISC"};

struct Sample {
  ai::ConllDocument conll;
  ai::Document doc;
  std::vector<uint8_t> gold;  // label per token
  ai::Gazetteer own_names;
  ai::TokenFeatures features;
  ai::TokenFeatures extra;  // context-stage features, once there is a first pass
};

// Which stage a model scores: the base stage from `features`, or the context
// stage from `features` and `extra`.
enum class Pass { kBase, kContext };

const ai::TokenFeatures* extra_for(const Sample& s, Pass pass) { return pass == Pass::kBase ? nullptr : &s.extra; }

// Gold BILOU labels of the core tokens; entities whose edges fall inside a
// token cannot be found exactly and are counted in `unreachable`.
void project_labels(Sample* s, size_t* unreachable) {
  const ai::Document& doc = s->doc;
  s->gold.assign(doc.tokens.size(), ai::kOutside);
  size_t t = 0;
  for (const ai::GoldEntity& e : s->conll.entities) {
    while (t < doc.tokens.size() && doc.tokens[t].end <= e.span.start) ++t;
    size_t first = t, end = t;
    while (end < doc.tokens.size() && doc.tokens[end].end <= e.span.end) ++end;
    if (first == end || doc.tokens[first].start != e.span.start || doc.tokens[end - 1].end != e.span.end) {
      ++*unreachable;
      continue;
    }
    for (size_t i = first; i < end; ++i) {
      const ai::TagPosition pos = end - first == 1 ? ai::TagPosition::kUnit
                                  : i == first     ? ai::TagPosition::kBegin
                                  : i + 1 == end   ? ai::TagPosition::kLast
                                                   : ai::TagPosition::kInside;
      s->gold[i] = static_cast<uint8_t>(ai::make_label(e.type, pos));
    }
  }
}

std::vector<std::unique_ptr<Sample>> load_samples(const std::string& path) {
  std::vector<std::unique_ptr<Sample>> samples;
  size_t unreachable = 0, entities = 0;
  for (ai::ConllDocument& d : ai::parse_conll(read_file(path))) {
    auto s = std::make_unique<Sample>();
    s->conll = std::move(d);
    s->doc = ai::analyze_text(s->conll.text);
    project_labels(s.get(), &unreachable);
    entities += s->conll.entities.size();
    samples.push_back(std::move(s));
  }
  std::fprintf(stderr, "%s: %zu documents, %zu entities, %zu not on token edges\n", path.c_str(), samples.size(), entities,
               unreachable);
  return samples;
}

// The names (token sequences) a sample's gold labels mark, with types.
template <typename F>
void for_each_gold_name(const Sample& s, F&& f) {
  for (const ai::TaggedMention& m : ai::labels_to_mentions(s.gold)) {
    std::vector<std::string_view> tokens;
    for (size_t i = m.first_token; i < m.end_token; ++i) tokens.push_back(s.doc.token_text(i));
    f(tokens, static_cast<int>(m.type));
  }
}

class Perceptron {
 public:
  explicit Perceptron(int bits)
      : bits_(bits), w_((size_t{1} << bits) * ai::kLabelCount, 0), u_(w_.size(), 0), tw_(ai::kTransitionCount, 0), tu_(tw_.size(), 0) {}

  void train_sentence(const ai::TokenFeatures& f, const ai::TokenFeatures* extra, size_t first, size_t n, const uint8_t* gold) {
    if (n == 0) return;
    emissions(w_, f, extra, first, n, &emissions_);
    predicted_.resize(n);
    ai::viterbi_decode(emissions_.data(), n, tw_.data(), predicted_.data(), &scratch_, &back_);
    const uint32_t mask = (uint32_t{1} << bits_) - 1;
    for (size_t t = 0; t < n; ++t) {
      const int g = gold[t], p = predicted_[t];
      if (g != p) {
        for (const ai::TokenFeatures* set : {&f, extra}) {
          if (set == nullptr) continue;
          for (uint32_t k = set->offsets[first + t]; k < set->offsets[first + t + 1]; ++k) {
            const size_t row = size_t{set->ids[k] & mask} * ai::kLabelCount;
            w_[row + g] += 1, u_[row + g] += c_;
            w_[row + p] -= 1, u_[row + p] -= c_;
          }
        }
      }
      const int gp = t == 0 ? ai::kStartRow : gold[t - 1];
      const int pp = t == 0 ? ai::kStartRow : predicted_[t - 1];
      if (gp != pp || g != p) {
        tw_[gp * ai::kLabelCount + g] += 1, tu_[gp * ai::kLabelCount + g] += c_;
        tw_[pp * ai::kLabelCount + p] -= 1, tu_[pp * ai::kLabelCount + p] -= c_;
      }
    }
    c_ += 1;
  }

  ai::StageWeights averaged() const {
    ai::StageWeights s;
    s.hash_bits = bits_;
    s.emissions.resize(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) s.emissions[i] = w_[i] - u_[i] / c_;
    s.transitions.resize(tw_.size());
    for (size_t i = 0; i < tw_.size(); ++i) s.transitions[i] = tw_[i] - tu_[i] / c_;
    return s;
  }

  // Scores of tokens [first, first + n) from the features in `f` and `extra` (may be null).
  static void emissions(const std::vector<float>& w, const ai::TokenFeatures& f, const ai::TokenFeatures* extra, size_t first,
                        size_t n, std::vector<float>* out) {
    const uint32_t mask = static_cast<uint32_t>(w.size() / ai::kLabelCount - 1);
    out->assign(n * ai::kLabelCount, 0);
    for (size_t t = 0; t < n; ++t) {
      float* acc = &(*out)[t * ai::kLabelCount];
      for (const ai::TokenFeatures* set : {&f, extra}) {
        if (set == nullptr) continue;
        for (uint32_t k = set->offsets[first + t]; k < set->offsets[first + t + 1]; ++k) {
          const float* row = &w[size_t{set->ids[k] & mask} * ai::kLabelCount];
          for (int l = 0; l < ai::kLabelCount; ++l) acc[l] += row[l];
        }
      }
    }
  }

 private:
  int bits_;
  std::vector<float> w_, u_, tw_, tu_;
  float c_ = 1;
  std::vector<float> emissions_, scratch_;
  std::vector<uint8_t> predicted_, back_;
};

// Labels of every token of `s` under float weights `stage`.
std::vector<uint8_t> predict(const ai::StageWeights& stage, const Sample& s, Pass pass) {
  std::vector<uint8_t> labels(s.doc.tokens.size(), ai::kOutside);
  std::vector<float> em, scratch;
  std::vector<uint8_t> back;
  for (const auto& [first, end] : s.features.segments) {
    Perceptron::emissions(stage.emissions, s.features, extra_for(s, pass), first, end - first, &em);
    ai::viterbi_decode(em.data(), end - first, stage.transitions.data(), labels.data() + first, &scratch, &back);
  }
  return labels;
}

std::vector<ai::GoldEntity> mention_spans(const Sample& s, const std::vector<uint8_t>& labels) {
  std::vector<ai::GoldEntity> found;
  for (const ai::TaggedMention& m : ai::labels_to_mentions(labels))
    found.push_back({{s.doc.tokens[m.first_token].start, s.doc.tokens[m.end_token - 1].end}, m.type});
  return found;
}

double score_f1(const ai::StageWeights& stage, const std::vector<Sample*>& samples, Pass pass) {
  ai::SpanScores scores;
  for (const Sample* s : samples) scores.add(s->conll.entities, mention_spans(*s, predict(stage, *s, pass)));
  return scores.f1(4);
}

// Trains one stage on `train` for up to `epochs`, returning the averaged
// weights of the epoch with the best F1 on `valid` (or of the last epoch
// when `valid` is empty) and that epoch in *best_epoch.
ai::StageWeights train_stage(int bits, Pass pass, const std::vector<Sample*>& train, const std::vector<Sample*>& valid, int epochs,
                             int* best_epoch, const char* name) {
  Perceptron model(bits);
  std::vector<std::pair<size_t, size_t>> sentences;  // (sample, segment) with a well-formed gold sequence
  for (size_t d = 0; d < train.size(); ++d) {
    const Sample& sample = *train[d];
    for (size_t s = 0; s < sample.features.segments.size(); ++s) {
      const auto [first, end] = sample.features.segments[s];
      bool well_formed = ai::label_transition_allowed(sample.gold[end - 1], -1);
      for (size_t t = first; t < end; ++t)
        well_formed &= ai::label_transition_allowed(t == first ? -1 : sample.gold[t - 1], sample.gold[t]);
      if (well_formed) sentences.push_back({d, s});
    }
  }
  std::mt19937 rng(20030601);
  ai::StageWeights best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(sentences.begin(), sentences.end(), rng);
    for (const auto& [d, s] : sentences) {
      const Sample& sample = *train[d];
      const auto [first, end] = sample.features.segments[s];
      model.train_sentence(sample.features, extra_for(sample, pass), first, end - first, sample.gold.data() + first);
    }
    if (valid.empty()) {
      if (epoch == epochs) best = model.averaged();
      continue;
    }
    ai::StageWeights averaged = model.averaged();
    const double f1 = score_f1(averaged, valid, pass);
    std::fprintf(stderr, "  %s epoch %d: valid F1 %.2f\n", name, epoch, 100 * f1);
    if (f1 > best_f1) {
      best_f1 = f1;
      best = std::move(averaged);
      *best_epoch = epoch;
    }
  }
  return best;
}

void compute_features(const std::vector<Sample*>& samples, const ai::Gazetteer& gazetteer, const ai::WordClusters* clusters,
                      bool hold_out_own) {
  for (Sample* s : samples)
    ai::extract_features(s->doc, gazetteer, clusters, hold_out_own ? &s->own_names : nullptr, &s->features);
}

// Word classes by spherical k-means over each word's neighbours: every word
// seen kMinCount times becomes a vector of positive PMI with the most
// frequent left and right neighbours, and is clustered twice (fine and
// coarse). Returns the word_clusters.h text.
std::string cluster_words(const std::vector<std::string>& texts) {
  constexpr size_t kMinCount = 4, kMaxWords = 40000, kContexts = 1000;
  constexpr int kFine = 256, kCoarse = 48, kIterations = 8;
  std::unordered_map<std::string_view, uint32_t> counts;
  std::vector<std::vector<std::string_view>> streams;
  for (const std::string& text : texts) {
    const ai::Document doc = ai::analyze_text(text);
    streams.emplace_back();
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      streams.back().push_back(doc.token_text(i));
      ++counts[doc.token_text(i)];
    }
  }
  std::vector<std::pair<uint32_t, std::string_view>> by_count;
  for (const auto& [w, c] : counts) by_count.push_back({c, w});
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::unordered_map<std::string_view, uint32_t> context_id, word_id;
  std::vector<std::string_view> words;
  for (const auto& [c, w] : by_count) {
    if (context_id.size() < kContexts) context_id.emplace(w, static_cast<uint32_t>(context_id.size()));
    const bool has_letter = std::any_of(w.begin(), w.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || (ch & 0x80); });
    if (c >= kMinCount && has_letter && words.size() < kMaxWords) {
      word_id.emplace(w, static_cast<uint32_t>(words.size()));
      words.push_back(w);
    }
  }
  const size_t dims = 2 * kContexts;
  std::vector<std::unordered_map<uint32_t, float>> rows(words.size());
  std::vector<double> dim_total(dims, 0), word_total(words.size(), 0);
  double total = 0;
  for (const auto& stream : streams) {
    for (size_t i = 0; i < stream.size(); ++i) {
      const auto w = word_id.find(stream[i]);
      if (w == word_id.end()) continue;
      for (int side = 0; side < 2; ++side) {
        if ((side == 0 && i == 0) || (side == 1 && i + 1 == stream.size())) continue;
        const auto c = context_id.find(stream[side == 0 ? i - 1 : i + 1]);
        if (c == context_id.end()) continue;
        const uint32_t d = c->second + (side == 0 ? 0 : kContexts);
        rows[w->second][d] += 1;
        dim_total[d] += 1, word_total[w->second] += 1, total += 1;
      }
    }
  }
  // Sparse rows of positive PMI, unit length.
  std::vector<std::vector<std::pair<uint32_t, float>>> vectors(words.size());
  for (size_t w = 0; w < words.size(); ++w) {
    double norm = 0;
    for (const auto& [d, c] : rows[w]) {
      const double pmi = std::log(c * total / (word_total[w] * dim_total[d]));
      if (pmi <= 0) continue;
      vectors[w].push_back({d, static_cast<float>(pmi)});
      norm += pmi * pmi;
    }
    for (auto& [d, v] : vectors[w]) v = static_cast<float>(v / std::sqrt(norm));
  }
  auto kmeans = [&](int k) {
    std::vector<float> centroids(static_cast<size_t>(k) * dims, 0);
    std::vector<int> assignment(words.size(), 0);
    for (size_t w = 0; w < words.size(); ++w) assignment[w] = static_cast<int>(w % static_cast<size_t>(k));
    for (int iteration = 0; iteration <= kIterations; ++iteration) {
      std::fill(centroids.begin(), centroids.end(), 0.0f);
      for (size_t w = 0; w < words.size(); ++w)
        for (const auto& [d, v] : vectors[w]) centroids[static_cast<size_t>(assignment[w]) * dims + d] += v;
      for (int c = 0; c < k; ++c) {
        double norm = 0;
        for (size_t d = 0; d < dims; ++d) norm += double{centroids[c * dims + d]} * centroids[c * dims + d];
        if (norm > 0)
          for (size_t d = 0; d < dims; ++d) centroids[c * dims + d] = static_cast<float>(centroids[c * dims + d] / std::sqrt(norm));
      }
      if (iteration == kIterations) break;
      for (size_t w = 0; w < words.size(); ++w) {
        float best = -1;
        for (int c = 0; c < k; ++c) {
          float dot = 0;
          for (const auto& [d, v] : vectors[w]) dot += v * centroids[static_cast<size_t>(c) * dims + d];
          if (dot > best) best = dot, assignment[w] = c;
        }
      }
    }
    return assignment;
  };
  const std::vector<int> fine = kmeans(kFine), coarse = kmeans(kCoarse);
  std::string out;
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].find('\t') != std::string_view::npos || words[w].find('\n') != std::string_view::npos) continue;
    out.append(words[w]);
    out += '\t' + std::to_string(fine[w]) + '\t' + std::to_string(coarse[w]) + '\n';
  }
  std::fprintf(stderr, "word classes: %zu words, %zu bytes\n", words.size(), out.size());
  return out;
}

// Context-stage features of `s` from a base stage's labels.
void prepare_context_stage(const ai::StageWeights& base, Sample* s) {
  ai::extract_second_pass_features(s->features, predict(base, *s, Pass::kBase), &s->extra);
}

// How many gold name tokens fall outside the candidate segments (and so can never be found).
void report_coverage(const char* name, const std::vector<Sample*>& samples) {
  size_t name_tokens = 0, missed = 0, candidates = 0, tokens = 0;
  for (const Sample* s : samples) {
    std::vector<uint8_t> in_segment(s->gold.size(), 0);
    for (const auto& [first, end] : s->features.segments)
      for (size_t t = first; t < end; ++t) in_segment[t] = 1;
    for (size_t t = 0; t < s->gold.size(); ++t) {
      name_tokens += s->gold[t] != ai::kOutside;
      missed += s->gold[t] != ai::kOutside && !in_segment[t];
      candidates += in_segment[t];
    }
    tokens += s->gold.size();
  }
  std::fprintf(stderr, "%s: %zu of %zu tokens are candidates; %zu of %zu name tokens are not\n", name, candidates, tokens, missed,
               name_tokens);
}

std::vector<Sample*> pointers(const std::vector<std::unique_ptr<Sample>>& samples) {
  std::vector<Sample*> out;
  for (const auto& s : samples) out.push_back(s.get());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string train_path, valid_path, out_path, metrics_path;
  std::vector<std::string> gazetteer_paths, cluster_dirs;
  int epochs = 10, bits = 17, stages = 2, prune = 6;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "train_ner: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--train") train_path = next();
    else if (arg == "--valid") valid_path = next();
    else if (arg == "--out") out_path = next();
    else if (arg == "--metrics") metrics_path = next();
    else if (arg == "--gazetteer") gazetteer_paths.push_back(next());
    else if (arg == "--cluster-text") cluster_dirs.push_back(next());
    else if (arg == "--epochs") epochs = std::atoi(next().c_str());
    else if (arg == "--bits") bits = std::atoi(next().c_str());
    else if (arg == "--stages") stages = std::atoi(next().c_str());
    else if (arg == "--prune") prune = std::atoi(next().c_str());
    else {
      std::fprintf(stderr, "usage: train_ner --train FILE --valid FILE --out MODEL [--metrics JSON] [--gazetteer TSV]... "
                           "[--cluster-text DIR]... [--prune Q] [--epochs N] [--bits B] [--stages 1|2]\n");
      return 2;
    }
  }
  if (train_path.empty() || valid_path.empty() || out_path.empty() || stages < 1 || stages > 2 || epochs < 1 || bits < 10 ||
      bits > 22) {
    std::fprintf(stderr, "train_ner: --train, --valid and --out are required (see the header of tools/train_ner.cc)\n");
    return 2;
  }
  const Clock::time_point started = Clock::now();
  std::vector<std::unique_ptr<Sample>> train_owned = load_samples(train_path);
  std::vector<std::unique_ptr<Sample>> valid_owned = load_samples(valid_path);
  const std::vector<Sample*> train = pointers(train_owned), valid = pointers(valid_owned);

  // Gazetteer: every gold name of the training set, plus the given lists.
  ai::TaggerModel model;
  const bool context_stage = stages == 2;
  ai::Gazetteer gazetteer;
  std::set<std::string> lines;
  for (Sample* s : train) {
    for_each_gold_name(*s, [&](const std::vector<std::string_view>& tokens, int type) {
      s->own_names.add(tokens, type);
      gazetteer.add(tokens, type);
      std::string line = kTypeNames[type];
      line += '\t';
      for (size_t k = 0; k < tokens.size(); ++k) (line += k ? " " : "") += tokens[k];
      lines.insert(line);
    });
  }
  for (const std::string& path : gazetteer_paths) {
    const std::string text = read_file(path);
    ai::Result<ai::Gazetteer> parsed = ai::Gazetteer::parse(text);
    if (!parsed.ok()) {
      std::fprintf(stderr, "train_ner: %s: %s\n", path.c_str(), parsed.error().c_str());
      return 1;
    }
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') lines.insert(line);
  }
  std::string gazetteer_text;
  for (const std::string& line : lines) (gazetteer_text += line) += '\n';
  gazetteer = ai::Gazetteer::parse(gazetteer_text).value();
  model.gazetteer = gazetteer;
  std::fprintf(stderr, "gazetteer: %zu names, %zu bytes of text\n", gazetteer.size(), gazetteer_text.size());

  // Word classes from unlabelled text: the --cluster-text folders and the training text.
  ai::WordClusters clusters;
  if (!cluster_dirs.empty()) {
    std::vector<std::string> texts;
    for (const std::string& dir : cluster_dirs) {
      std::vector<std::string> paths;
      tools::list_files(dir, &paths);
      std::sort(paths.begin(), paths.end());
      for (const std::string& path : paths) texts.push_back(ai::repair_utf8(read_file(path)).text);
    }
    for (const Sample* s : train) texts.push_back(s->conll.text);
    model.clusters = cluster_words(texts);
    clusters = ai::WordClusters::parse(model.clusters).value();
    std::fprintf(stderr, "word classes ready (%.0f s)\n", std::chrono::duration<double>(Clock::now() - started).count());
  }
  const ai::WordClusters* classes = cluster_dirs.empty() ? nullptr : &clusters;
  compute_features(train, gazetteer, classes, true);
  compute_features(valid, gazetteer, classes, false);
  report_coverage("train", train);
  report_coverage("valid", valid);
  int base_epochs = 0;
  model.base = train_stage(bits, Pass::kBase, train, valid, epochs, &base_epochs, "base stage");
  std::fprintf(stderr, "base stage: best epoch %d (%.0f s)\n", base_epochs,
               std::chrono::duration<double>(Clock::now() - started).count());

  if (context_stage) {
    // The context stage learns from base-stage labels that the training
    // documents did not shape: two halves, each labelled by a base stage
    // trained on the other.
    for (int fold = 0; fold < 2; ++fold) {
      std::vector<Sample*> learn, apply;
      for (size_t i = 0; i < train.size(); ++i) (static_cast<int>(i % 2) == fold ? apply : learn).push_back(train[i]);
      int unused = 0;
      const ai::StageWeights half = train_stage(bits, Pass::kBase, learn, {}, base_epochs, &unused, "fold");
      for (Sample* s : apply) prepare_context_stage(half, s);
    }
    for (Sample* s : valid) prepare_context_stage(model.base, s);
    int context_epochs = 0;
    model.context = train_stage(bits, Pass::kContext, train, valid, epochs, &context_epochs, "context stage");
    std::fprintf(stderr, "context stage: best epoch %d\n", context_epochs);
  }

  // Final numbers come from the encoded model through the full recognizer.
  model.prune_below = prune;
  const std::string blob = ai::encode_tagger_model(model);
  ai::Result<ai::EntityRecognizer> recognizer = ai::EntityRecognizer::create(blob);
  if (!recognizer.ok()) {
    std::fprintf(stderr, "train_ner: the encoded model does not load: %s\n", recognizer.error().c_str());
    return 1;
  }
  ai::SpanScores scores;
  for (Sample* s : valid) {
    std::vector<ai::GoldEntity> found;
    for (const ai::Entity& e : recognizer.value().find(s->doc))
      for (const ai::Span& m : e.mentions) found.push_back({m, e.type});
    scores.add(s->conll.entities, found);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::ofstream out(out_path, std::ios::binary);
  out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
  if (!out) {
    std::fprintf(stderr, "train_ner: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::ostringstream json;
  json.setf(std::ios::fixed);
  json.precision(2);
  json << "{\n  \"data\": \"conll2003 valid, raw text through the core tokenizer, exact character spans\",\n";
  const char* names[] = {"PER", "ORG", "LOC", "MISC", "overall"};
  for (int t = 0; t < 5; ++t) {
    json << "  \"" << names[t] << "\": {\"precision\": " << 100 * scores.precision(t) << ", \"recall\": " << 100 * scores.recall(t)
         << ", \"f1\": " << 100 * scores.f1(t) << ", \"gold\": " << scores.gold[t] << "},\n";
  }
  json << "  \"model_bytes\": " << blob.size() << ",\n  \"prune_below\": " << prune << ",\n  \"stages\": " << stages << ",\n  \"hash_bits\": " << bits
       << ",\n  \"training_seconds\": " << seconds << "\n}\n";
  std::fputs(json.str().c_str(), stderr);
  if (!metrics_path.empty()) std::ofstream(metrics_path) << json.str();
  return 0;
}
