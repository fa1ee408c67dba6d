#include "entities.h"

#include "entity_grouping.h"
#include "tagger.h"

namespace ai {

const char* entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kLocation: return "location";
    case EntityType::kMisc: return "misc";
  }
  return "misc";
}

struct EntityRecognizer::Impl {
  Tagger tagger;
};

EntityRecognizer::EntityRecognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

Result<EntityRecognizer> EntityRecognizer::create(std::string_view model) {
  Result<Tagger> tagger = Tagger::load(model);
  if (!tagger.ok()) return Result<EntityRecognizer>::failure(tagger.error());
  return EntityRecognizer(std::unique_ptr<Impl>(new Impl{std::move(tagger).value()}));
}

std::vector<Entity> EntityRecognizer::find(const Document& doc) const {
  return group_mentions(doc, impl_->tagger.tag(doc));
}

}  // namespace ai
