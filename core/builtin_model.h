// builtin_model.h — the entity model compiled into the library.
//
// The build turns models/ner.model into a byte array (cmake/embed.cmake), so
// the core loads its model from memory: no file system, in wasm or natively.
#pragma once

#include <string_view>

namespace ai {

// The bytes of the shipped entity model; empty if the build had none.
std::string_view builtin_ner_model();

}  // namespace ai
