// Session notices (events, server errors, rejections) as toasts under the status bar that fade
// out after a few seconds.
#include <algorithm>

#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

constexpr double kToastLife_ms = 6000.0;  // long enough to read two lines
constexpr double kToastFade_ms = 1500.0;  // the last part of the life, fading out
constexpr std::size_t kMaxToasts = 5;     // older ones give way when many arrive at once

ImVec4 toast_colour(client::NoticeKind kind) {
    switch (kind) {
        case client::NoticeKind::Warning:
            return colour_warn();
        case client::NoticeKind::Error:
            return colour_bad();
        case client::NoticeKind::Info:
            break;
    }
    return ImVec4(0.92f, 0.94f, 0.97f, 1.0f);
}

}  // namespace

void draw_toasts(HudContext& context, HudMemory& memory, const EdgeStack& top_center) {
    for (client::Notice& notice : context.session->take_notices()) {
        memory.toasts.push_back({notice.kind, std::move(notice.text), context.now_ms});
    }
    while (memory.toasts.size() > kMaxToasts) memory.toasts.pop_front();
    while (!memory.toasts.empty() &&
           context.now_ms - memory.toasts.front().shown_ms > kToastLife_ms) {
        memory.toasts.pop_front();
    }
    if (memory.toasts.empty()) return;

    float window_alpha = 0.0f;
    for (const Toast& toast : memory.toasts) {
        const double left = kToastLife_ms - (context.now_ms - toast.shown_ms);
        window_alpha =
            std::max(window_alpha, static_cast<float>(std::clamp(left / kToastFade_ms, 0.0, 1.0)));
    }
    top_center.place(0.0f);
    ImGui::SetNextWindowBgAlpha(0.65f * window_alpha);
    const ImGuiWindowFlags flags =
        kDockedWindow | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##toasts", nullptr, flags)) {
        for (const Toast& toast : memory.toasts) {
            const double left = kToastLife_ms - (context.now_ms - toast.shown_ms);
            ImVec4 colour = toast_colour(toast.kind);
            colour.w = static_cast<float>(std::clamp(left / kToastFade_ms, 0.0, 1.0));
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::PushTextWrapPos(em(36.0f));
            ImGui::TextUnformatted(toast.text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
    }
    ImGui::End();
}

}  // namespace galaxy::app::hud
