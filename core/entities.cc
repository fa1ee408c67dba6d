#include "entities.h"

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

struct EntityRecognizer::Impl {};
EntityRecognizer::EntityRecognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;
Result<EntityRecognizer> EntityRecognizer::create(std::string_view) { return EntityRecognizer(std::make_unique<Impl>()); }
std::vector<Entity> EntityRecognizer::find(const Document&) const { return {}; }

}  // namespace ai
