// Screen markers and labels that do not pile on top of each other: a greedy layout by priority
// (own ship, selected, bodies by size, stations, ships) that hides whatever would overlap what
// is already placed, and picking of what was placed. Pure: pixels in, placements out.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/ship.hpp"

namespace galaxy::client {

// Priority tiers, placed in this order (lower first).
enum class LabelTier : std::uint8_t {
    OwnShip = 0,
    Selected = 1,
    Body = 2,
    OrbitMarker = 3,   // Ap / Pe / AN / DN of the own ship's orbit
    Station = 4,
    Ship = 5,
};

// One object to mark. Coordinates in screen pixels, x right, y down.
struct LabelItem {
    sim::TargetRef target;          // what a click selects; kind None = not pickable
    double x_px = 0.0;              // anchor: the object's projected centre
    double y_px = 0.0;
    double marker_radius_px = 4.0;  // half the side of the marker's square
    double label_width_px = 0.0;    // 0 = no label, only the marker
    double label_height_px = 0.0;
    LabelTier tier = LabelTier::Ship;
    double weight = 0.0;            // within a tier, higher first (a body's radius, -distance)
};

// A placed marker and, when it fitted, its label.
struct LabelPlacement {
    std::uint32_t item = 0;         // index into the items given to place()
    sim::TargetRef target;
    double x_px = 0.0;              // the anchor
    double y_px = 0.0;
    double marker_radius_px = 0.0;
    bool label_shown = false;
    double label_x_px = 0.0;        // top-left corner of the label
    double label_y_px = 0.0;
    double label_width_px = 0.0;
    double label_height_px = 0.0;
};

class LabelLayout {
public:
    // Places the items in priority order into a width x height px screen: a marker is placed
    // when it is on screen and does not overlap anything placed before; its label then takes
    // the first free spot of right, left, above, below, or is hidden. Keeps its buffers, so a
    // steady frame allocates nothing.
    void place(const std::vector<LabelItem>& items, double width_px, double height_px);

    // The last place()'s result, in placement (priority) order.
    const std::vector<LabelPlacement>& placements() const { return placements_; }

    // The pickable placement nearest to (x, y) within radius_px (distance to the marker's
    // square or the label's box); kind None when there is none.
    sim::TargetRef pick(double x_px, double y_px, double radius_px) const;

private:
    struct Rect {
        double x0, y0, x1, y1;
    };
    bool overlaps(const Rect& r) const;
    void insert(const Rect& r);

    std::vector<LabelPlacement> placements_;
    std::vector<std::uint32_t> order_;
    std::vector<Rect> rects_;                 // everything placed (markers and labels)
    // A uniform grid over the screen: cell_head_[c] starts a list through entries_ of the
    // rects touching cell c, so overlap tests only look at neighbours.
    std::vector<std::int32_t> cell_head_;
    struct Entry {
        std::uint32_t rect;
        std::int32_t next;
    };
    std::vector<Entry> entries_;
    int columns_ = 0;
    int rows_ = 0;
};

}  // namespace galaxy::client
