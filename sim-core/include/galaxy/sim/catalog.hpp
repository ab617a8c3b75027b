// The Solar System catalog (config/solar-system.json): parsing it into body definitions.
// Parsing is pure (text in, data out); reading the file is the caller's business. The default
// catalog is embedded into the library at build time so every target has the same bytes.
#pragma once

#include <string>
#include <vector>

#include "galaxy/sim/body.hpp"

namespace galaxy::sim {

// Parses catalog JSON. Validates every field (types, finiteness, ranges, unique names, known
// parents listed before their children). On error returns false and explains in *error.
bool parse_catalog(const std::string& json_text, std::vector<BodyDef>* out, std::string* error);

// The text of config/solar-system.json as built into the library.
const std::string& default_catalog_json();

// parse_catalog(default_catalog_json()); the embedded catalog is checked by the tests.
std::vector<BodyDef> default_catalog();

}  // namespace galaxy::sim
