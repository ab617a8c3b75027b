#include "galaxy/admin/table.hpp"

#include <algorithm>

namespace galaxy::admin {
namespace {

void append_padded(std::string* line, const std::string& cell, std::size_t width, Align align,
                   bool last) {
    const std::size_t pad = width - display_width(cell);
    if (align == Align::Right) line->append(pad, ' ');
    line->append(cell);
    if (align == Align::Left && !last) line->append(pad, ' ');
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
    // Continuation bytes (10xxxxxx) do not start a code point.
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
}

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
    align_.resize(headers_.size(), Align::Left);
}

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string Table::render() const {
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i) widths[i] = display_width(headers_[i]);
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    }
    std::string text;
    const auto append_line = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) line += "  ";
            append_padded(&line, cells[i], widths[i], align_[i], i + 1 == cells.size());
        }
        // A last column that is empty in this row would leave the separator behind.
        while (!line.empty() && line.back() == ' ') line.pop_back();
        text += line + "\n";
    };
    append_line(headers_);
    for (const auto& row : rows_) append_line(row);
    return text;
}

std::string render_key_values(const std::vector<std::pair<std::string, std::string>>& lines) {
    std::size_t width = 0;
    for (const auto& [key, value] : lines) width = std::max(width, display_width(key));
    std::string text;
    for (const auto& [key, value] : lines) {
        text += key;
        text.append(width - display_width(key) + 2, ' ');
        text += value + "\n";
    }
    return text;
}

}  // namespace galaxy::admin
