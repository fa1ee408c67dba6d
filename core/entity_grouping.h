// entity_grouping.h — from tagged mentions to entities.
//
// News names a person in full once ("President Kassym-Jomart Tokayev") and
// then by surname ("Tokayev"), and an organisation by its expansion and then
// its acronym ("Collective Security Treaty Organization" ... "CSTO").
// `group_mentions` joins such mentions into one entity:
//
//   - a person mention that ends the full name of an earlier (or later)
//     person joins it: "Tokayev", "Jen Psaki" / "Psaki";
//   - an all-capitals mention whose letters are the initials of an entity's
//     capitalised words joins it: "CSTO";
//   - otherwise mentions join only when their text is the same (ignoring
//     case) and the tagger gave them the same type, so "Bank" never
//     swallows "World Bank", and "Kent" the county stays apart from "Kent"
//     the cricket side.
//
// When a short mention fits several people, the most recently mentioned one
// wins. The entity's type is a vote of its mentions (longer mentions weigh
// more; a surname the tagger typed LOC still joins its person), its name the
// fullest mention. Roles come from the words around a
// person mention: a title or role phrase right before it ("President",
// "police spokesman"), or an appositive after or before it (", the general
// secretary of the CSTO,").
#pragma once

#include <cstddef>
#include <vector>

#include "entities.h"
#include "tagger.h"
#include "text.h"

namespace ai {

// Above this many mentions (a text of some 300 KB) group_mentions works in
// arrays of the text's own, freed on return, rather than the thread's kept ones.
constexpr size_t kKeptGroupingMentions = size_t{1} << 12;

// Groups `mentions` (in text order, as the tagger returns them) into
// entities sorted by first mention, with ids "e1", "e2", ...
// `max_kept_mentions` is kKeptGroupingMentions but for tests.
std::vector<Entity> group_mentions(const Document& doc, const std::vector<TaggedMention>& mentions,
                                   size_t max_kept_mentions = kKeptGroupingMentions);

}  // namespace ai
