// The label layout: nothing placed overlaps, priority decides who stays, labels move aside or
// hide, and picking finds the nearest placed marker or label within the radius.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "galaxy/client/label_layout.hpp"

namespace gc = galaxy::client;
namespace gs = galaxy::sim;

namespace {

constexpr double kWidth = 800.0;
constexpr double kHeight = 600.0;

gc::LabelItem item(gs::TargetKind kind, std::uint32_t id, double x, double y, gc::LabelTier tier,
                   double weight = 0.0, double label_width = 40.0) {
    gc::LabelItem it;
    it.target = {kind, id};
    it.x_px = x;
    it.y_px = y;
    it.marker_radius_px = 4.0;
    it.label_width_px = label_width;
    it.label_height_px = label_width > 0.0 ? 14.0 : 0.0;
    it.tier = tier;
    it.weight = weight;
    return it;
}

struct Box {
    double x0, y0, x1, y1;
};

bool overlap(const Box& a, const Box& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::vector<Box> boxes(const gc::LabelLayout& layout) {
    std::vector<Box> out;
    for (const gc::LabelPlacement& p : layout.placements()) {
        const double r = p.marker_radius_px;
        out.push_back({p.x_px - r, p.y_px - r, p.x_px + r, p.y_px + r});
        if (p.label_shown) {
            out.push_back({p.label_x_px, p.label_y_px, p.label_x_px + p.label_width_px,
                           p.label_y_px + p.label_height_px});
        }
    }
    return out;
}

bool placed(const gc::LabelLayout& layout, gs::TargetKind kind, std::uint32_t id) {
    for (const gc::LabelPlacement& p : layout.placements()) {
        if (p.target.kind == kind && p.target.id == id) return true;
    }
    return false;
}

TEST(LabelLayout, NoTwoPlacedMarkersOrLabelsOverlap) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(0.0, kWidth);
    std::uniform_real_distribution<double> y(0.0, kHeight);
    std::vector<gc::LabelItem> items;
    for (std::uint32_t i = 1; i <= 1000; ++i) {
        items.push_back(item(gs::TargetKind::Ship, i, x(rng), y(rng), gc::LabelTier::Ship));
    }
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    const std::vector<Box> b = boxes(layout);
    ASSERT_GT(layout.placements().size(), 50u);    // a crowd still shows plenty
    ASSERT_LT(layout.placements().size(), 1000u);  // and hides the overlapping rest
    for (std::size_t i = 0; i < b.size(); ++i) {
        for (std::size_t j = i + 1; j < b.size(); ++j) {
            ASSERT_FALSE(overlap(b[i], b[j])) << i << " " << j;
        }
    }
}

TEST(LabelLayout, PriorityDecidesWhoStaysWhateverTheInputOrder) {
    const std::vector<gc::LabelItem> items = {
        item(gs::TargetKind::Ship, 7, 100.0, 100.0, gc::LabelTier::Ship),
        item(gs::TargetKind::Station, 3, 101.0, 100.0, gc::LabelTier::Station),
        item(gs::TargetKind::Body, 2, 100.0, 101.0, gc::LabelTier::Body, 1.0e6),
        item(gs::TargetKind::Body, 3, 102.0, 101.0, gc::LabelTier::Body, 6.0e6),
        item(gs::TargetKind::Ship, 9, 101.0, 101.0, gc::LabelTier::Selected),
        item(gs::TargetKind::Ship, 1, 102.0, 102.0, gc::LabelTier::OwnShip),
    };
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 1u);
    EXPECT_TRUE(placed(layout, gs::TargetKind::Ship, 1));   // the own ship wins the spot

    // Without the own ship and the selection, the bigger body wins; then a body over a station.
    std::vector<gc::LabelItem> rest(items.begin(), items.begin() + 4);
    layout.place(rest, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 1u);
    EXPECT_TRUE(placed(layout, gs::TargetKind::Body, 3));
    rest.erase(rest.begin() + 2, rest.end());
    rest.push_back(item(gs::TargetKind::Body, 2, 100.0, 101.0, gc::LabelTier::Body, 1.0e6));
    layout.place(rest, kWidth, kHeight);
    EXPECT_TRUE(placed(layout, gs::TargetKind::Body, 2));
    EXPECT_FALSE(placed(layout, gs::TargetKind::Station, 3));
    EXPECT_FALSE(placed(layout, gs::TargetKind::Ship, 7));
}

TEST(LabelLayout, PlacementsComeInPriorityOrder) {
    const std::vector<gc::LabelItem> items = {
        item(gs::TargetKind::Ship, 7, 100.0, 100.0, gc::LabelTier::Ship),
        item(gs::TargetKind::Station, 3, 300.0, 100.0, gc::LabelTier::Station),
        item(gs::TargetKind::Body, 2, 500.0, 100.0, gc::LabelTier::Body),
        item(gs::TargetKind::Ship, 1, 700.0, 100.0, gc::LabelTier::OwnShip),
    };
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 4u);
    EXPECT_EQ(layout.placements()[0].item, 3u);
    EXPECT_EQ(layout.placements()[1].item, 2u);
    EXPECT_EQ(layout.placements()[2].item, 1u);
    EXPECT_EQ(layout.placements()[3].item, 0u);
}

TEST(LabelLayout, ALabelMovesLeftWhenTheRightIsTakenAndHidesWhenNothingIsFree) {
    // The first item's label fills the space right of the second's marker.
    std::vector<gc::LabelItem> items = {
        item(gs::TargetKind::Body, 1, 200.0, 100.0, gc::LabelTier::Body, 2.0, 60.0),
        item(gs::TargetKind::Body, 2, 170.0, 100.0, gc::LabelTier::Body, 1.0, 40.0),
    };
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 2u);
    const gc::LabelPlacement& second = layout.placements()[1];
    ASSERT_TRUE(second.label_shown);
    EXPECT_LT(second.label_x_px + second.label_width_px, 170.0);   // to the left of its marker

    // A label wider than the screen fits nowhere: the marker stays, the label hides.
    items = {item(gs::TargetKind::Body, 1, 400.0, 300.0, gc::LabelTier::Body, 0.0, 2000.0)};
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 1u);
    EXPECT_FALSE(layout.placements()[0].label_shown);
}

TEST(LabelLayout, OffScreenAnchorsAreNotPlaced) {
    const std::vector<gc::LabelItem> items = {
        item(gs::TargetKind::Ship, 1, -5.0, 100.0, gc::LabelTier::Ship),
        item(gs::TargetKind::Ship, 2, 100.0, kHeight + 1.0, gc::LabelTier::Ship),
        item(gs::TargetKind::Ship, 3, 100.0, 100.0, gc::LabelTier::Ship),
    };
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 1u);
    EXPECT_EQ(layout.placements()[0].target.id, 3u);
}

TEST(LabelLayout, PickFindsTheNearestPlacedObjectWithinTheRadius) {
    const std::vector<gc::LabelItem> items = {
        item(gs::TargetKind::Ship, 1, 100.0, 100.0, gc::LabelTier::Ship, 0.0, 0.0),
        item(gs::TargetKind::Station, 2, 140.0, 100.0, gc::LabelTier::Station, 0.0, 0.0),
        item(gs::TargetKind::Body, 3, 400.0, 300.0, gc::LabelTier::Body, 0.0, 60.0),
        item(gs::TargetKind::None, 0, 200.0, 200.0, gc::LabelTier::OrbitMarker, 0.0, 0.0),
    };
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), 4u);
    // 125 is 21 px from ship 1's centre and 15 from station 2's (the markers are 4 px
    // half-size: 17 and 11 px from their squares).
    gs::TargetRef hit = layout.pick(125.0, 100.0, 12.0);
    EXPECT_EQ(hit.kind, gs::TargetKind::Station);
    EXPECT_EQ(hit.id, 2u);
    hit = layout.pick(102.0, 103.0, 12.0);
    EXPECT_EQ(hit.kind, gs::TargetKind::Ship);
    // Inside the body's label (right of its marker) picks the body.
    hit = layout.pick(400.0 + 4.0 + 1.0 + 3.0 + 30.0, 300.0, 12.0);
    EXPECT_EQ(hit.kind, gs::TargetKind::Body);
    EXPECT_EQ(hit.id, 3u);
    // Nothing within 12 px, and the Ap/Pe-style marker is not pickable.
    EXPECT_EQ(layout.pick(600.0, 500.0, 12.0).kind, gs::TargetKind::None);
    EXPECT_EQ(layout.pick(200.0, 200.0, 12.0).kind, gs::TargetKind::None);
}

TEST(LabelLayout, TheSameItemsGiveTheSameLayout) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> x(0.0, kWidth);
    std::vector<gc::LabelItem> items;
    for (std::uint32_t i = 1; i <= 300; ++i) {
        items.push_back(item(gs::TargetKind::Ship, i, x(rng), x(rng) * 0.75, gc::LabelTier::Ship));
    }
    gc::LabelLayout layout;
    layout.place(items, kWidth, kHeight);
    const std::vector<gc::LabelPlacement> first = layout.placements();
    layout.place(items, kWidth, kHeight);
    ASSERT_EQ(layout.placements().size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(layout.placements()[i].item, first[i].item);
        EXPECT_EQ(layout.placements()[i].label_shown, first[i].label_shown);
    }
}

}  // namespace
