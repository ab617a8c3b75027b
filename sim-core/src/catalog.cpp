// Parsing and validating the Solar System catalog (config/solar-system.json, documented in
// config/README.md).
//
// [SECTION] JSON reading without exceptions
// [SECTION] Field readers
// [SECTION] One body
// [SECTION] Public functions
//
// The WebAssembly build cannot catch C++ exceptions, so nothing here may throw on bad input:
// the text is read through nlohmann's SAX interface (parse errors arrive as a callback, never as
// a throw) and every value's type is checked before it is converted.
#include "galaxy/sim/catalog.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace galaxy::sim {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxBodies = 1000;     // keeps per-step pairwise gravity bounded
constexpr std::size_t kMaxNameBytes = 64;    // names travel in the protocol and the UI
// The catalog needs depth 4 (root, bodies, body, vector); the limit only refuses absurd input.
constexpr std::size_t kMaxNestingDepth = 16;

// ---------------------------------------------------------------------------------------------
// [SECTION] JSON reading without exceptions
// ---------------------------------------------------------------------------------------------

// Builds the document like json::parse, but (1) reports the parser's message (line, column)
// instead of discarding it, (2) rejects duplicate object keys, which json::parse would resolve
// silently by keeping the last one, and (3) bounds the nesting depth.
class DocumentBuilder final : public nlohmann::json_sax<Json> {
public:
    Json& document() { return root_; }
    const std::string& message() const { return message_; }

    bool null() override { return add(Json(nullptr)); }
    bool boolean(bool value) override { return add(Json(value)); }
    bool number_integer(number_integer_t value) override { return add(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return add(Json(value)); }
    bool number_float(number_float_t value, const string_t& /*text*/) override {
        return add(Json(value));
    }
    bool string(string_t& value) override { return add(Json(std::move(value))); }
    bool binary(binary_t& /*value*/) override {
        message_ = "binary values are not JSON";   // only binary formats produce these
        return false;
    }
    bool start_object(std::size_t /*elements*/) override { return open(Json::object()); }
    bool key(string_t& name) override {
        if (!open_keys_.back().insert(name).second) {
            message_ = "duplicate key \"" + name + "\" in one object";
            return false;
        }
        pending_key_ = std::move(name);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override { return open(Json::array()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const Json::exception& error) override {
        // what() names line and column and echoes the offending bytes; those may be invalid
        // UTF-8, which would make the message unprintable through JSON (a throw in nlohmann's
        // dump), so only printable ASCII is kept.
        message_ = error.what();
        for (char& c : message_) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte >= 0x7f) c = '?';
        }
        return false;
    }

private:
    // Stores value at the current position and returns where it went. The pointers on path_
    // stay valid: only the innermost open container gets children, and a child is closed
    // (popped) before its next sibling can reallocate the parent's storage.
    Json* insert(Json value) {
        if (path_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& parent = *path_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        Json& slot = parent[pending_key_];
        slot = std::move(value);
        return &slot;
    }
    bool add(Json value) {
        insert(std::move(value));
        return true;
    }
    bool open(Json container) {
        if (path_.size() >= kMaxNestingDepth) {
            message_ = "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels";
            return false;
        }
        path_.push_back(insert(std::move(container)));
        open_keys_.emplace_back();   // arrays get an unused set too, so push and pop stay paired
        return true;
    }
    bool close() {
        path_.pop_back();
        open_keys_.pop_back();
        return true;
    }

    Json root_;
    std::vector<Json*> path_;                       // open containers, outermost first
    std::vector<std::set<std::string>> open_keys_;  // keys seen so far, one set per open container
    std::string pending_key_;                       // key of the next value in an object
    std::string message_;                           // why parsing stopped
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Field readers
// ---------------------------------------------------------------------------------------------

// Short description of a rejected value for error messages: numbers in JSON notation (dump is
// exception-free for numbers), anything else by its type name.
std::string describe(const Json& value) {
    if (value.is_number()) {
        return value.dump();
    }
    return value.type_name();
}

// Reads one body's fields and records the first problem, prefixed with the body's position and
// name so the user can find it ("body 6 (Phobos): ...").
class BodyReader {
public:
    BodyReader(const Json& body, std::size_t index) : body_(body), index_(index) {}

    void set_name(const std::string& name) { name_ = name; }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

    // Records "<prefix>: <what>" unless an earlier problem was recorded. Returns false so callers
    // can write `return fail(...)`.
    bool fail(const std::string& what) {
        if (error_.empty()) {
            error_ = "body " + std::to_string(index_);
            if (!name_.empty()) {
                error_ += " (" + name_ + ")";
            }
            error_ += ": " + what;
        }
        return false;
    }

    // The field's value, or nullptr (and an error) when it is absent.
    const Json* require(const char* field) {
        const auto it = body_.find(field);
        if (it == body_.end()) {
            fail(std::string("missing field \"") + field + "\"");
            return nullptr;
        }
        return &*it;
    }

    // The field's value, or nullptr when it is absent or null (optional fields).
    const Json* optional(const char* field) const {
        const auto it = body_.find(field);
        return it == body_.end() || it->is_null() ? nullptr : &*it;
    }

    // A finite number accepted by `valid`; `requirement` completes "<field> must be ...".
    template <typename Valid>
    bool read_number(const char* field, const char* requirement, Valid valid, double* out) {
        const Json* value = require(field);
        return value != nullptr && check_number(field, *value, requirement, valid, out);
    }

    template <typename Valid>
    bool check_number(const char* field, const Json& value, const char* requirement, Valid valid,
                      double* out) {
        if (value.is_number()) {
            // Integers convert exactly below 2^53; beyond that, to nearest, same on all targets.
            const double number = value.get<double>();
            if (std::isfinite(number) && valid(number)) {
                *out = number;
                return true;
            }
        }
        return fail(std::string(field) + " must be " + requirement + " (got " + describe(value) +
                    ")");
    }

    // Exactly three finite numbers, [x, y, z] in ICRF.
    bool read_vector(const char* field, Vec3* out) {
        const Json* value = require(field);
        if (value == nullptr) {
            return false;
        }
        if (!value->is_array() || value->size() != 3) {
            const std::string got = value->is_array()
                                        ? "an array of " + std::to_string(value->size())
                                        : std::string(value->type_name());
            return fail(std::string(field) + " must be an array of exactly 3 finite numbers (got " +
                        got + ")");
        }
        double xyz[3] = {0.0, 0.0, 0.0};
        for (std::size_t i = 0; i < 3; ++i) {
            const Json& element = (*value)[i];
            if (!element.is_number() || !std::isfinite(element.get<double>())) {
                return fail(std::string(field) + "[" + std::to_string(i) +
                            "] must be a finite number (got " + describe(element) + ")");
            }
            xyz[i] = element.get<double>();
        }
        *out = Vec3{xyz[0], xyz[1], xyz[2]};
        return true;
    }

private:
    const Json& body_;
    std::size_t index_;
    std::string name_;
    std::string error_;
};

int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "#RRGGBB" (either case) -> 0xRRGGBB.
bool parse_color(const std::string& text, std::uint32_t* out) {
    if (text.size() != 7 || text[0] != '#') {
        return false;
    }
    std::uint32_t rgb = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const int digit = hex_digit_value(text[i]);
        if (digit < 0) {
            return false;
        }
        rgb = rgb * 16u + static_cast<std::uint32_t>(digit);
    }
    *out = rgb;
    return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] One body
// ---------------------------------------------------------------------------------------------

constexpr const char* kBodyFields[] = {
    "name", "type", "parent", "color", "position_m", "velocity_m_s", "gm_m3_s2", "mean_radius_m",
    "j2", "reference_radius_m", "axis_right_ascension_deg", "axis_declination_deg",
    "reference_angle_deg", "angular_frequency_deg_per_day"};

bool is_known_field(const std::string& key) {
    for (const char* field : kBodyFields) {
        if (key == field) return true;
    }
    return false;
}

// Bodies read so far: name -> index. Parents must be in it, so the list is in tree order.
using NameIndex = std::map<std::string, std::size_t>;

bool read_name(BodyReader& reader, const NameIndex& earlier, std::string* out) {
    const Json* value = reader.require("name");
    if (value == nullptr) {
        return false;
    }
    if (!value->is_string() || value->get_ref<const std::string&>().empty() ||
        value->get_ref<const std::string&>().size() > kMaxNameBytes) {
        return reader.fail("name must be a string of 1 to " + std::to_string(kMaxNameBytes) +
                           " bytes (got " +
                           (value->is_string()
                                ? std::to_string(value->get_ref<const std::string&>().size()) +
                                      " bytes"
                                : std::string(value->type_name())) +
                           ")");
    }
    const std::string& name = value->get_ref<const std::string&>();
    reader.set_name(name);
    for (const char c : name) {
        // Control characters would corrupt log lines, the UI and the protocol's text fields.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return reader.fail("name must not contain control characters");
        }
    }
    const auto previous = earlier.find(name);
    if (previous != earlier.end()) {
        return reader.fail("name \"" + name + "\" is already used by body " +
                           std::to_string(previous->second));
    }
    *out = name;
    return true;
}

// parent: null for the single root (which is therefore the first body), else an earlier body.
bool read_parent(BodyReader& reader, const Json& bodies, std::size_t index,
                 const std::string& own_name, const NameIndex& earlier, std::string* out) {
    const Json* value = reader.require("parent");
    if (value == nullptr) {
        return false;
    }
    if (value->is_null()) {
        if (index != 0) {
            return reader.fail("parent is null but body 0 is already the root; a catalog has "
                               "exactly one root (parent null)");
        }
        out->clear();
        return true;
    }
    if (!value->is_string()) {
        return reader.fail(std::string("parent must be null or a body name (got ") +
                           value->type_name() + ")");
    }
    const std::string& parent = value->get_ref<const std::string&>();
    if (earlier.count(parent) != 0) {
        *out = parent;
        return true;
    }
    if (parent == own_name) {
        return reader.fail("parent \"" + parent + "\" is the body itself");
    }
    if (index == 0) {
        return reader.fail("parent must be null: the first body is the root, since parents are "
                           "listed before their children");
    }
    for (std::size_t later = index; later < bodies.size(); ++later) {
        const Json& other = bodies[later];
        const auto name = other.is_object() ? other.find("name") : other.end();
        if (other.is_object() && name != other.end() && name->is_string() &&
            name->get_ref<const std::string&>() == parent) {
            return reader.fail("parent \"" + parent + "\" is listed at body " +
                               std::to_string(later) + ", after this body; list parents before "
                               "their children");
        }
    }
    return reader.fail("parent \"" + parent + "\" does not name an earlier body");
}

bool read_body(const Json& bodies, std::size_t index, const NameIndex& earlier, BodyDef* def,
               std::string* error) {
    const Json& body = bodies[index];
    BodyReader reader(body, index);
    if (!body.is_object()) {
        reader.fail(std::string("must be an object (got ") + body.type_name() + ")");
        *error = reader.error();
        return false;
    }
    const auto positive = [](double v) { return v > 0.0; };
    const auto any = [](double /*v*/) { return true; };

    read_name(reader, earlier, &def->name);
    // Unknown keys are refused: a misspelt optional field ("J2") would otherwise silently turn a
    // body into a point mass.
    for (const auto& item : body.items()) {
        if (!reader.failed() && !is_known_field(item.key())) {
            reader.fail("unknown field \"" + item.key() + "\"");
        }
    }
    if (!reader.failed()) {
        const Json* type = reader.require("type");
        if (type != nullptr && (!type->is_string() ||
                                !body_type_from_name(type->get_ref<const std::string&>(),
                                                     &def->type))) {
            reader.fail("type must be one of \"star\", \"planet\", \"dwarf_planet\", \"moon\", "
                        "\"asteroid\"");
        }
    }
    if (!reader.failed()) {
        read_parent(reader, bodies, index, def->name, earlier, &def->parent);
    }
    if (!reader.failed()) {
        const Json* color = reader.require("color");
        if (color != nullptr && (!color->is_string() ||
                                 !parse_color(color->get_ref<const std::string&>(),
                                              &def->color_rgb))) {
            reader.fail("color must be a string \"#RRGGBB\" of six hex digits");
        }
    }
    if (!reader.failed()) reader.read_vector("position_m", &def->position_m);
    if (!reader.failed()) reader.read_vector("velocity_m_s", &def->velocity_m_s);
    if (!reader.failed()) {
        reader.read_number("gm_m3_s2", "a positive finite number", positive, &def->gm_m3_s2);
    }
    if (!reader.failed()) {
        reader.read_number("mean_radius_m", "a positive finite number", positive,
                           &def->mean_radius_m);
    }
    // j2 and reference_radius_m: absent or null means a point mass (no J2 acceleration).
    def->j2 = 0.0;
    def->reference_radius_m = 0.0;
    if (!reader.failed()) {
        if (const Json* j2 = reader.optional("j2")) {
            reader.check_number("j2", *j2, "null or a finite number >= 0",
                                [](double v) { return v >= 0.0; }, &def->j2);
        }
    }
    if (!reader.failed()) {
        if (const Json* radius = reader.optional("reference_radius_m")) {
            reader.check_number("reference_radius_m", *radius, "null or a positive finite number",
                                positive, &def->reference_radius_m);
        } else if (def->j2 > 0.0) {
            reader.fail("reference_radius_m must be a positive finite number when j2 > 0");
        }
        if (def->j2 == 0.0) {
            def->reference_radius_m = 0.0;   // BodyDef's contract: 0 when there is no J2 term
        }
    }
    if (!reader.failed()) {
        reader.read_number("axis_right_ascension_deg", "a finite number", any,
                           &def->pole_ra_deg);
    }
    if (!reader.failed()) {
        reader.read_number("axis_declination_deg", "a finite number in [-90, 90]",
                           [](double v) { return v >= -90.0 && v <= 90.0; }, &def->pole_dec_deg);
    }
    if (!reader.failed()) {
        reader.read_number("reference_angle_deg", "a finite number", any, &def->w0_deg);
    }
    if (!reader.failed()) {
        reader.read_number("angular_frequency_deg_per_day", "a finite number", any,
                           &def->w_rate_deg_per_day);
    }
    if (reader.failed()) {
        *error = reader.error();
        return false;
    }
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Public functions
// ---------------------------------------------------------------------------------------------

bool parse_catalog(const std::string& json_text, std::vector<BodyDef>* out, std::string* error) {
    std::string scratch;   // lets callers pass a null error pointer
    std::string& message = error != nullptr ? *error : scratch;
    message.clear();
    if (out == nullptr) {
        message = "catalog: no output vector given";
        return false;
    }

    DocumentBuilder builder;
    if (!Json::sax_parse(json_text, &builder)) {
        message = "catalog: invalid JSON: " + builder.message();
        return false;
    }
    const Json& document = builder.document();
    if (!document.is_object()) {
        message = std::string("catalog: the top level must be an object (got ") +
                  document.type_name() + ")";
        return false;
    }
    // Top-level metadata (description, provenance, epoch, frame, units) is for people; only the
    // body list is read.
    const auto bodies = document.find("bodies");
    if (bodies == document.end()) {
        message = "catalog: missing field \"bodies\"";
        return false;
    }
    if (!bodies->is_array()) {
        message = std::string("catalog: bodies must be an array (got ") + bodies->type_name() + ")";
        return false;
    }
    if (bodies->empty()) {
        message = "catalog: bodies must not be empty (the root body is required)";
        return false;
    }
    if (bodies->size() > kMaxBodies) {
        message = "catalog: bodies has " + std::to_string(bodies->size()) + " entries, at most " +
                  std::to_string(kMaxBodies) + " allowed";
        return false;
    }

    std::vector<BodyDef> defs(bodies->size());
    NameIndex earlier;
    for (std::size_t i = 0; i < bodies->size(); ++i) {
        if (!read_body(*bodies, i, earlier, &defs[i], &message)) {
            return false;
        }
        earlier.emplace(defs[i].name, i);
    }
    *out = std::move(defs);   // *out is only replaced when the whole catalog is valid
    return true;
}

std::vector<BodyDef> default_catalog() {
    std::vector<BodyDef> defs;
    std::string error;
    if (!parse_catalog(default_catalog_json(), &defs, &error)) {
        // The embedded text is fixed at build time, so this is a build defect that
        // tests/sim-core/catalog_test.cpp catches; there is no run-time recovery.
        return {};
    }
    return defs;
}

}  // namespace galaxy::sim
