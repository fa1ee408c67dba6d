// entities.h — people, organisations, places and other names, grouped.
//
// `EntityRecognizer` tags name mentions with a trained sequence model (see
// tagger.h) and groups mentions of one entity: "Kassym-Jomart Tokayev",
// "President Tokayev" and "Tokayev" become one person whose canonical `name`
// is the fullest form; "CSTO" joins "Collective Security Treaty Organization".
//
// Usage:
//
//   ai::Result<ai::EntityRecognizer> made = ai::EntityRecognizer::create(model_bytes);
//   for (const ai::Entity& e : made.value().find(doc))
//     printf("%s %s (%zu mentions)\n", entity_type_name(e.type), e.name.c_str(), e.mentions.size());
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "text.h"

namespace ai {

enum class EntityType { kPerson, kOrganization, kLocation, kMisc };

// The report's name for a type: "person", "organization", "location", "misc".
const char* entity_type_name(EntityType type);

struct Entity {
  std::string id;                  // "e1", "e2", ... in order of first mention
  EntityType type = EntityType::kMisc;
  std::string name;                // canonical (fullest) form
  std::vector<Span> mentions;      // sorted by start
  std::vector<std::string> roles;  // titles and roles the text gives: "President", "police spokesman"
};

class EntityRecognizer {
 public:
  // Loads the tagger model from `model` (the bytes of models/ner.model).
  // Fails with a message on a bad magic number, version or truncated blob.
  static Result<EntityRecognizer> create(std::string_view model);

  // Returns the entities of `doc`, sorted by first mention. Const, thread-safe.
  std::vector<Entity> find(const Document& doc) const;

  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  ~EntityRecognizer();

 private:
  struct Impl;
  explicit EntityRecognizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ai
