// The scene's screen layer on ImGui's background draw list: markers and labels laid out
// without overlaps (client::LabelLayout), the own ship's Ap/Pe/AN/DN markers and velocity
// vector, and picking of what was drawn. Coordinates here are ImGui display units.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/client/label_layout.hpp"
#include "galaxy/client/settings.hpp"
#include "galaxy/sim/world.hpp"
#include "render/frame_context.hpp"
#include "render/screen_object.hpp"

namespace galaxy::app::render {

class Overlay {
public:
    // Lays out and draws the markers of this frame's objects (ScreenObjects in framebuffer px).
    void draw(const FrameContext& context, const sim::World& world, std::uint32_t own_ship,
              sim::TargetRef selected, const client::Settings& settings,
              const std::vector<ScreenObject>& objects);

    // The object under (x, y), ImGui display units: a marker or label within 12 units, else
    // the nearest body whose disc contains the point; kind None when there is none.
    sim::TargetRef pick(double x, double y) const;

private:
    // How an item is drawn besides its label; parallel to items_.
    struct Style {
        const char* text = nullptr;   // the label (valid for this frame)
        double radius = 0.0;          // the object on screen, display units
        std::uint32_t color = 0;      // ImU32
        bool own = false;
        bool selected = false;
    };
    struct Disc {
        std::uint32_t body;
        double x, y, radius, depth_m;
    };
    void add_orbit_markers(const FrameContext& context, const sim::World& world,
                           const sim::Ship& ship);
    void draw_velocity(const FrameContext& context, const sim::World& world,
                       const sim::Ship& ship) const;
    void draw_items() const;
    // Behind a body's disc (object in display units, like discs_).
    bool occluded(const ScreenObject& object) const;

    client::LabelLayout layout_;
    std::vector<client::LabelItem> items_;
    std::vector<Style> styles_;
    std::vector<Disc> discs_;
    char orbit_text_[4][32] = {};   // "Ap 412 km", ... for this frame
};

}  // namespace galaxy::app::render
