// Target: the ship's target with distance, relative and closing speed and closest approach;
// combos of stations, ships and bodies (nearest first) and the clicked selection to set it.
#include <cfloat>
#include <string>
#include <vector>

#include "galaxy/client/target_cycle.hpp"
#include "galaxy/client/telemetry.hpp"
#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

void set_target(HudContext& context, sim::TargetRef target) {
    proto::ClientMessage message;
    message.type = proto::ClientMessageType::Target;
    message.target = target;
    send_command(context, std::move(message));
}

bool same(sim::TargetRef a, sim::TargetRef b) { return a.kind == b.kind && a.id == b.id; }

// One combo listing every object of a kind, nearest first; picking one sets it as the target.
// Large lists (thousands of ships) are clipped to the visible rows.
void target_combo(HudContext& context, const char* label, sim::TargetKind kind,
                  const sim::Ship& own) {
    const sim::World& world = context.session->world();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string preview = std::string("Choose a ") + target_kind_label(kind) + " ...";
    const std::string id = std::string("##") + label;
    if (!ImGui::BeginCombo(id.c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    const std::vector<client::TargetChoice> choices =
        client::targets_by_distance(world, kind, own.position_m, own.id);
    if (choices.empty()) ImGui::TextColored(colour_dim(), "none");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(choices.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const client::TargetChoice& choice = choices[static_cast<std::size_t>(i)];
            const std::string text = client::target_name(world, choice.target) + "  (" +
                                     client::format_distance(choice.distance_m) + ")###" +
                                     std::to_string(choice.target.id);
            if (ImGui::Selectable(text.c_str(), same(choice.target, own.controls.target))) {
                set_target(context, choice.target);
            }
        }
    }
    ImGui::EndCombo();
}

void draw_target_readouts(const client::TargetTelemetry& target) {
    if (!begin_rows("target_rows")) return;
    row("Distance", client::format_distance(target.distance_m));
    row("Rel. speed", client::format_speed(target.relative_speed_m_s));
    // Closing speed > 0 means approaching: shown green, receding amber.
    row("Closing", client::format_speed(target.closing_speed_m_s),
        target.closing_speed_m_s >= 0.0 ? colour_good() : colour_warn());
    row("Closest", client::format_distance(target.closest_approach_m));
    row("in", target.time_to_closest_approach_s > 0.0
                  ? client::format_duration(target.time_to_closest_approach_s)
                  : std::string("now / passed"));
    end_rows();
}

}  // namespace

void draw_target_window(HudContext& context, EdgeStack& right) {
    const client::Session& session = *context.session;
    const sim::Ship* own = session.has_world() ? session.own_ship() : nullptr;
    if (own == nullptr) return;
    const client::TargetTelemetry& target = *context.target;
    right.place(em(19.0f));
    const std::string title =
        (target.valid ? "Target: " + target.name : std::string("Target")) + "###target";
    if (ImGui::Begin(title.c_str(), nullptr, kDockedWindow)) {
        if (target.valid) {
            ImGui::TextColored(colour_dim(), "%s", target_kind_label(target.target.kind));
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Clear").x -
                            2.0f * ImGui::GetStyle().FramePadding.x);
            if (ImGui::SmallButton("Clear")) set_target(context, {});
            draw_target_readouts(target);
        } else {
            ImGui::TextColored(colour_dim(), "No target (T cycles).");
        }
        ImGui::Separator();
        target_combo(context, "station", sim::TargetKind::Station, *own);
        target_combo(context, "ship", sim::TargetKind::Ship, *own);
        target_combo(context, "body", sim::TargetKind::Body, *own);
        // The object clicked in the scene (or cycled with T), if it is not the target already.
        const sim::TargetRef selection = *context.selection;
        if (selection.kind == sim::TargetKind::None) {
            ImGui::TextColored(colour_dim(), "Click an object to select it.");
        } else {
            // The selection can be targeted unless it is the own ship or the target already.
            const bool own_ship =
                selection.kind == sim::TargetKind::Ship && selection.id == own->id;
            const bool is_target = same(selection, own->controls.target);
            ImGui::TextColored(colour_dim(), "Selected");
            ImGui::SameLine();
            ImGui::TextWrapped("%s%s", client::target_name(session.world(), selection).c_str(),
                               own_ship    ? " (you)"
                               : is_target ? " (the target)"
                                           : "");
            if (!own_ship && !is_target &&
                ImGui::Button("Target the selection", ImVec2(-FLT_MIN, 0.0f))) {
                set_target(context, selection);
            }
        }
    }
    right.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
