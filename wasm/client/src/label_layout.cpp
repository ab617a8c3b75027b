#include "galaxy/client/label_layout.hpp"

#include <algorithm>
#include <cmath>

namespace galaxy::client {
namespace {

constexpr double kCell_px = 32.0;      // grid cell: a few labels wide, so lists stay short
constexpr double kLabelGap_px = 3.0;   // between a marker and its label
constexpr double kPadding_px = 1.0;    // around every placed box, so neighbours do not touch

// Distance from a point to a box, 0 inside.
double distance_to_box(double x, double y, double x0, double y0, double x1, double y1) {
    const double dx = std::max({x0 - x, 0.0, x - x1});
    const double dy = std::max({y0 - y, 0.0, y - y1});
    return std::sqrt(dx * dx + dy * dy);
}

}  // namespace

bool LabelLayout::overlaps(const Rect& r) const {
    const int c0 = std::clamp(static_cast<int>(r.x0 / kCell_px), 0, columns_ - 1);
    const int c1 = std::clamp(static_cast<int>(r.x1 / kCell_px), 0, columns_ - 1);
    const int r0 = std::clamp(static_cast<int>(r.y0 / kCell_px), 0, rows_ - 1);
    const int r1 = std::clamp(static_cast<int>(r.y1 / kCell_px), 0, rows_ - 1);
    for (int row = r0; row <= r1; ++row) {
        for (int col = c0; col <= c1; ++col) {
            for (std::int32_t e = cell_head_[static_cast<std::size_t>(row * columns_ + col)];
                 e >= 0; e = entries_[static_cast<std::size_t>(e)].next) {
                const Rect& o = rects_[entries_[static_cast<std::size_t>(e)].rect];
                if (r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1) return true;
            }
        }
    }
    return false;
}

void LabelLayout::insert(const Rect& r) {
    const auto index = static_cast<std::uint32_t>(rects_.size());
    rects_.push_back(r);
    const int c0 = std::clamp(static_cast<int>(r.x0 / kCell_px), 0, columns_ - 1);
    const int c1 = std::clamp(static_cast<int>(r.x1 / kCell_px), 0, columns_ - 1);
    const int r0 = std::clamp(static_cast<int>(r.y0 / kCell_px), 0, rows_ - 1);
    const int r1 = std::clamp(static_cast<int>(r.y1 / kCell_px), 0, rows_ - 1);
    for (int row = r0; row <= r1; ++row) {
        for (int col = c0; col <= c1; ++col) {
            std::int32_t& head = cell_head_[static_cast<std::size_t>(row * columns_ + col)];
            entries_.push_back({index, head});
            head = static_cast<std::int32_t>(entries_.size() - 1);
        }
    }
}

void LabelLayout::place(const std::vector<LabelItem>& items, double width_px, double height_px) {
    placements_.clear();
    rects_.clear();
    entries_.clear();
    width_px = std::max(width_px, 1.0);
    height_px = std::max(height_px, 1.0);
    columns_ = static_cast<int>(std::ceil(width_px / kCell_px));
    rows_ = static_cast<int>(std::ceil(height_px / kCell_px));
    cell_head_.assign(static_cast<std::size_t>(columns_ * rows_), -1);

    order_.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
    std::sort(order_.begin(), order_.end(), [&items](std::uint32_t a, std::uint32_t b) {
        const LabelItem& ia = items[a];
        const LabelItem& ib = items[b];
        if (ia.tier != ib.tier) return ia.tier < ib.tier;
        if (ia.weight != ib.weight) return ia.weight > ib.weight;
        return a < b;   // the given order breaks ties, so equal frames lay out alike
    });

    for (const std::uint32_t index : order_) {
        const LabelItem& item = items[index];
        const double x = item.x_px;
        const double y = item.y_px;
        if (!(x >= 0.0 && x < width_px && y >= 0.0 && y < height_px)) continue;
        const double m = std::max(item.marker_radius_px, 0.0) + kPadding_px;
        const Rect marker{x - m, y - m, x + m, y + m};
        if (overlaps(marker)) continue;
        insert(marker);

        LabelPlacement placed;
        placed.item = index;
        placed.target = item.target;
        placed.x_px = x;
        placed.y_px = y;
        placed.marker_radius_px = item.marker_radius_px;
        const double w = item.label_width_px;
        const double h = item.label_height_px;
        if (w > 0.0 && h > 0.0) {
            const double gap = m + kLabelGap_px;
            // Right, left, above, below: the order readers scan a map in.
            const double spots[4][2] = {{x + gap, y - h / 2.0},
                                        {x - gap - w, y - h / 2.0},
                                        {x - w / 2.0, y - gap - h},
                                        {x - w / 2.0, y + gap}};
            for (const auto& spot : spots) {
                const Rect label{spot[0] - kPadding_px, spot[1] - kPadding_px,
                                 spot[0] + w + kPadding_px, spot[1] + h + kPadding_px};
                if (label.x0 < 0.0 || label.y0 < 0.0 || label.x1 > width_px ||
                    label.y1 > height_px || overlaps(label)) {
                    continue;
                }
                insert(label);
                placed.label_shown = true;
                placed.label_x_px = spot[0];
                placed.label_y_px = spot[1];
                placed.label_width_px = w;
                placed.label_height_px = h;
                break;
            }
        }
        placements_.push_back(placed);
    }
}

sim::TargetRef LabelLayout::pick(double x_px, double y_px, double radius_px) const {
    sim::TargetRef best;
    double best_distance = radius_px;
    bool found = false;
    for (const LabelPlacement& p : placements_) {
        if (p.target.kind == sim::TargetKind::None) continue;
        const double r = p.marker_radius_px;
        double d = distance_to_box(x_px, y_px, p.x_px - r, p.y_px - r, p.x_px + r, p.y_px + r);
        if (p.label_shown) {
            d = std::min(d, distance_to_box(x_px, y_px, p.label_x_px, p.label_y_px,
                                            p.label_x_px + p.label_width_px,
                                            p.label_y_px + p.label_height_px));
        }
        // Strictly nearer wins, so at equal distance the higher priority (placed first) stays.
        if (d < best_distance || (!found && d <= best_distance)) {
            best = p.target;
            best_distance = d;
            found = true;
        }
    }
    return best;
}

}  // namespace galaxy::client
