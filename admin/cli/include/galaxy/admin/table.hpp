// Plain-text tables for people: fixed columns whose widths come from their content, two
// spaces between columns, no colour, no trailing spaces.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galaxy::admin {

enum class Align { Left, Right };

class Table {
public:
    // One header per column; align per column (missing entries: Left).
    explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});

    void add_row(std::vector<std::string> cells);  // missing cells are empty, extra ones dropped
    std::size_t row_count() const { return rows_.size(); }
    std::string render() const;  // the header line and one line per row, each ending in '\n'

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

// "key  value" lines with the values aligned one column after the longest key.
std::string render_key_values(const std::vector<std::pair<std::string, std::string>>& lines);

// Columns a UTF-8 string takes in a terminal (one per code point).
std::size_t display_width(std::string_view utf8);

}  // namespace galaxy::admin
