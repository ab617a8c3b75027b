// The modal popup that every destructive action goes through (restore, delete a player, reset
// the world, remove a station), and the password prompt of a password reset.
#include <string>
#include <utility>

#include "windows.hpp"

namespace galaxy::admin {

namespace {

// One ID for every confirmation: the visible title changes, the popup stays the same.
constexpr const char* kPopupId = "###confirmation";

}  // namespace

void draw_confirmation_popup(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    if (!model.confirmation) return;
    const std::string title = model.confirmation->title + kPopupId;
    if (!model.confirmation_opened) {
        ImGui::OpenPopup(kPopupId);
        model.confirmation_opened = true;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        // Closed some other way than the buttons (there is none today): nothing runs.
        model.confirmation.reset();
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(model.confirmation->text.c_str());
    ImGui::PopTextWrapPos();
    bool confirmed = false;
    if (model.confirmation->asks_password) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        confirmed = ImGui::InputText(
            "New password", model.confirm_password.data(), model.confirm_password.size(),
            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        record(ctx, "confirm.password");
        ImGui::TextColored(colour_dim(), "8 to 128 bytes");
    }
    ImGui::Spacing();
    confirmed = button(ctx, model.confirmation->confirm_label.c_str(), "confirm.ok") || confirmed;
    ImGui::SameLine();
    const bool cancelled = button(ctx, "Cancel", "confirm.cancel") ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (confirmed || cancelled) {
        Confirmation confirmation = std::move(*model.confirmation);
        const std::string password(model.confirm_password.data());
        model.confirmation.reset();
        copy_text(&model.confirm_password, "");
        ImGui::CloseCurrentPopup();
        if (confirmed && confirmation.run) confirmation.run(ctx, password);
    }
    ImGui::EndPopup();
}

}  // namespace galaxy::admin
