// The Map window's projection: ICRF x/y to screen pixels (y up on the map, down on the
// screen), panning by a drag and zooming about a point.
#include "map_view.hpp"

#include <gtest/gtest.h>

namespace galaxy::admin {
namespace {

constexpr ScreenPoint kMiddle{400.0f, 300.0f};

TEST(MapViewTest, TheCentreIsDrawnInTheMiddleAndIcrfYGoesUp) {
    MapView view;
    view.centre_x_m = 1.0e11;
    view.centre_y_m = -2.0e10;
    view.metres_per_px = 1.0e6;
    const ScreenPoint centre = map_to_screen(view, kMiddle, 1.0e11, -2.0e10);
    EXPECT_FLOAT_EQ(centre.x, 400.0f);
    EXPECT_FLOAT_EQ(centre.y, 300.0f);
    const ScreenPoint up_right = map_to_screen(view, kMiddle, 1.0e11 + 5.0e7, -2.0e10 + 3.0e7);
    EXPECT_FLOAT_EQ(up_right.x, 450.0f);
    EXPECT_FLOAT_EQ(up_right.y, 270.0f);
}

TEST(MapViewTest, PanningKeepsWhatWasUnderTheMouseUnderIt) {
    MapView view;
    view.metres_per_px = 2.0e6;
    const ScreenPoint before = map_to_screen(view, kMiddle, 3.0e8, 1.0e8);
    pan_map(&view, 25.0f, -10.0f);
    const ScreenPoint after = map_to_screen(view, kMiddle, 3.0e8, 1.0e8);
    EXPECT_FLOAT_EQ(after.x, before.x + 25.0f);
    EXPECT_FLOAT_EQ(after.y, before.y - 10.0f);
}

TEST(MapViewTest, ZoomingKeepsThePointAtTheGivenOffsetInPlace) {
    MapView view;
    view.centre_x_m = 1.5e11;
    view.metres_per_px = 3.0e6;
    // The point 120 px right and 40 px below the middle.
    const double x_m = 1.5e11 + 120.0 * 3.0e6;
    const double y_m = -40.0 * 3.0e6;
    zoom_map(&view, 0.5, 120.0f, 40.0f);
    EXPECT_DOUBLE_EQ(view.metres_per_px, 1.5e6);
    const ScreenPoint after = map_to_screen(view, kMiddle, x_m, y_m);
    // Float screen coordinates of a 1.5e11 m offset: within a thousandth of a pixel.
    EXPECT_NEAR(static_cast<double>(after.x), 520.0, 1e-3);
    EXPECT_NEAR(static_cast<double>(after.y), 340.0, 1e-3);
}

TEST(MapViewTest, TheScaleStaysWithinItsLimits) {
    MapView view;
    view.metres_per_px = 10.0;
    zoom_map(&view, 1.0e-3, 0.0f, 0.0f);
    EXPECT_DOUBLE_EQ(view.metres_per_px, MapView::kMinMetresPerPx);
    zoom_map(&view, 1.0e20, 0.0f, 0.0f);
    EXPECT_DOUBLE_EQ(view.metres_per_px, MapView::kMaxMetresPerPx);
}

}  // namespace
}  // namespace galaxy::admin
