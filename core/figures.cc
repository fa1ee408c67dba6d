#include "figures.h"

namespace ai {

const char* figure_kind_name(FigureKind kind) {
  switch (kind) {
    case FigureKind::kCount: return "count";
    case FigureKind::kMoney: return "money";
    case FigureKind::kPercent: return "percent";
    case FigureKind::kMeasure: return "measure";
    case FigureKind::kDate: return "date";
    case FigureKind::kTime: return "time";
    case FigureKind::kDuration: return "duration";
    case FigureKind::kOrdinal: return "ordinal";
    case FigureKind::kAge: return "age";
    case FigureKind::kRatio: return "ratio";
    case FigureKind::kRange: return "range";
    case FigureKind::kNumber: return "number";
  }
  return "number";
}

struct FigureFinder::Impl {};
FigureFinder::FigureFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FigureFinder::FigureFinder(FigureFinder&&) noexcept = default;
FigureFinder& FigureFinder::operator=(FigureFinder&&) noexcept = default;
FigureFinder::~FigureFinder() = default;
Result<FigureFinder> FigureFinder::create() { return FigureFinder(std::make_unique<Impl>()); }
std::vector<Figure> FigureFinder::find(const Document&, const FigureOptions&) const { return {}; }
std::vector<Check> check_figures(const Document&, const std::vector<Figure>&) { return {}; }

}  // namespace ai
