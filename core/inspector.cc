#include "inspector.h"

#include <algorithm>

#include "attribution.h"
#include "builtin_model.h"
#include "text.h"
#include "utf8.h"

namespace ai {

namespace {

constexpr double kWordsPerMinute = 230;

bool is_word_token(const Token& t) { return t.kind != TokenKind::kPunct; }

// Layout::is_clutter for offsets asked in increasing order: one walk over the
// boilerplate blocks (sorted by start) instead of a search per offset.
class ClutterWalk {
 public:
  explicit ClutterWalk(const Layout& layout) : blocks_(layout.boilerplate) {}

  // Precondition: `at` is no smaller than at the previous call.
  bool is_clutter(size_t at) {
    while (started_ < blocks_.size() && blocks_[started_].span.start <= at) ++started_;
    return started_ > 0 && at < blocks_[started_ - 1].span.end;
  }

 private:
  const std::vector<Boilerplate>& blocks_;
  size_t started_ = 0;  // the blocks that start at or before the last offset asked about
};

// Statistics of the article body; `report` holds what the pipeline found.
// Inlined into its one caller, as GCC did when that was Inspector::inspect:
// out of line its loops took a third more instructions (the counts kept in
// the returned Stats's memory, not in registers).
__attribute__((always_inline)) inline Stats body_stats(const Document& doc, const Report& report) {
  const Layout& layout = report.layout;
  Stats stats;
  stats.characters = count_code_points(doc.text);
  for (const Boilerplate& b : layout.boilerplate) stats.characters -= count_code_points(doc.span_text(b.span));
  // Tokens, sentences and paragraphs each come in text order.
  ClutterWalk token_clutter(layout);
  for (const Token& t : doc.tokens)
    if (is_word_token(t) && !token_clutter.is_clutter(t.start)) ++stats.words;
  ClutterWalk sentence_clutter(layout);
  for (const Sentence& s : doc.sentences)
    if (!sentence_clutter.is_clutter(s.span.start)) ++stats.sentences;
  ClutterWalk paragraph_clutter(layout);
  for (const Span& p : doc.paragraphs)
    if (!paragraph_clutter.is_clutter(p.start)) ++stats.paragraphs;
  stats.reading_minutes = static_cast<double>(stats.words) / kWordsPerMinute;
  stats.quotes = report.quotes.size();
  for (const Source& source : report.sources) ++(source.named ? stats.named_sources : stats.anonymous_sources);
  for (const Figure& figure : report.figures) stats.figures += !layout.is_clutter(figure.span.start);
  for (const Entity& entity : report.entities) {
    const bool in_body = std::any_of(entity.mentions.begin(), entity.mentions.end(),
                                     [&](const Span& m) { return !layout.is_clutter(m.start); });
    if (!in_body) continue;
    switch (entity.type) {
      case EntityType::kPerson: ++stats.people; break;
      case EntityType::kOrganization: ++stats.organizations; break;
      case EntityType::kLocation: ++stats.locations; break;
      case EntityType::kMisc: ++stats.misc; break;
    }
  }
  return stats;
}

// A navigation label ("Most Viewed", "Related Stories") is page furniture, not
// a name, even when the tagger reads its capitals as one: drop mentions that
// are a whole navigation line, then entities left without mentions, and
// renumber the ids so they stay "e1", "e2", ... in order.
void drop_navigation_labels(const Layout& layout, std::vector<Entity>* entities) {
  std::vector<Span> labels;
  for (const Boilerplate& b : layout.boilerplate)
    if (b.reason == "navigation") labels.push_back(b.span);
  if (labels.empty()) return;
  for (Entity& entity : *entities) {
    entity.mentions.erase(std::remove_if(entity.mentions.begin(), entity.mentions.end(),
                                         [&](const Span& m) {
                                           return std::find(labels.begin(), labels.end(), m) != labels.end();
                                         }),
                          entity.mentions.end());
  }
  entities->erase(std::remove_if(entities->begin(), entities->end(), [](const Entity& e) { return e.mentions.empty(); }),
                  entities->end());
  for (size_t i = 0; i < entities->size(); ++i) (*entities)[i].id = "e" + std::to_string(i + 1);
}

}  // namespace

struct Inspector::Impl {
  FigureFinder figures;
  EntityRecognizer entities;
  size_t max_input_bytes;
};

Inspector::Inspector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Inspector::Inspector(Inspector&&) noexcept = default;
Inspector& Inspector::operator=(Inspector&&) noexcept = default;
Inspector::~Inspector() = default;

const char* Inspector::version() { return ARTICLE_INSPECTOR_VERSION; }

Result<Inspector> Inspector::create(const InspectorConfig& config) {
  Result<FigureFinder> figures = FigureFinder::create();
  if (!figures.ok()) return Result<Inspector>::failure("figures: " + figures.error());
  const std::string_view model = config.ner_model.empty() ? builtin_ner_model() : config.ner_model;
  Result<EntityRecognizer> entities = EntityRecognizer::create(model);
  if (!entities.ok()) return Result<Inspector>::failure("entity model: " + entities.error());
  return Inspector(std::unique_ptr<Impl>(
      new Impl{std::move(figures).value(), std::move(entities).value(), config.max_input_bytes}));
}

std::string Inspector::size_error(size_t bytes) const {
  if (bytes <= impl_->max_input_bytes) return {};
  return "input is " + std::to_string(bytes) + " bytes; the limit is " + std::to_string(impl_->max_input_bytes) + " bytes";
}

Result<Report> Inspector::inspect(std::string_view bytes, const InspectOptions& options) const {
  std::string error = size_error(bytes.size());
  if (!error.empty()) return Result<Report>::failure(std::move(error));
  return inspect_text(repair_utf8(bytes), options);
}

Result<Report> Inspector::inspect_owned(std::string bytes, const InspectOptions& options) const {
  std::string error = size_error(bytes.size());
  if (!error.empty()) return Result<Report>::failure(std::move(error));
  return inspect_text(repair_utf8(std::move(bytes)), options);
}

Result<Report> Inspector::inspect_text(RepairedText repaired, const InspectOptions& options) const {
  Report report;
  report.text = std::move(repaired.text);
  if (repaired.replacements > 0) {
    report.warnings.push_back({"invalid-utf8", "replaced " + std::to_string(repaired.replacements) +
                                                   " invalid UTF-8 sequence(s) with U+FFFD"});
  }
  const Document doc = analyze_text(report.text);
  const Kinds& kinds = options.kinds;

  report.layout = analyze_layout(doc);
  // Tagging takes the most memory of any stage, and gives a long text's back
  // when done: the figures and the scanner's arrays are made after it, in
  // that memory, not before it and alive beside it (12 MB text: 283 -> 262 MB
  // resident).
  if (kinds.entities || kinds.quotes || kinds.sources) {
    report.entities = impl_->entities.find(doc);
    drop_navigation_labels(report.layout, &report.entities);
  }
  FigureOptions figure_options;
  figure_options.reference_date = options.reference_date;
  if (!figure_options.reference_date && report.layout.dateline) figure_options.reference_date = report.layout.dateline->date;
  figure_options.phone_numbers = options.phone_numbers;
  if (kinds.figures || kinds.checks) report.figures = impl_->figures.find(doc, figure_options);
  if (kinds.checks) report.checks = check_figures(doc, report.figures);
  if (!kinds.figures) report.figures.clear();
  // Sources need the quotes: a verb that introduces a quote is not a source's.
  if (kinds.quotes || kinds.sources) {
    const AttributionContext attribution(doc, report.entities);
    report.quotes = find_quotes(attribution, report.layout);
    if (kinds.sources) report.sources = find_sources(attribution, report.layout, report.quotes);
  }
  report.stats = body_stats(doc, report);
  if (!kinds.quotes) report.quotes.clear();
  if (!kinds.entities) report.entities.clear();
  if (!kinds.boilerplate) report.layout.boilerplate.clear();
  return report;
}

}  // namespace ai
