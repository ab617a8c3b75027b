// Chat: history, an input line (Enter sends, Escape leaves), and an unread count in the title
// while the window is folded.
#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdio>

#include "galaxy/client/flight_keys.hpp"
#include "galaxy/proto/protocol.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

void draw_chat_window(HudContext& context, HudMemory& memory, EdgeStack& bottom_right) {
    client::Session& session = *context.session;
    const std::uint64_t received = session.chat_received();
    const std::uint64_t unread = received - std::min(received, memory.state.chat_seen);
    std::array<char, 64> title{};
    if (unread > 0) {
        std::snprintf(title.data(), title.size(), "Chat (%llu new)###chat",
                      static_cast<unsigned long long>(unread));
    } else {
        std::snprintf(title.data(), title.size(), "Chat###chat");
    }
    // Folded at first so it does not cover the scene; Enter (focus_chat) unfolds it.
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (memory.state.focus_chat) ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
    bottom_right.place(em(24.0f));
    if (unread > 0)
        ImGui::PushStyleColor(ImGuiCol_TitleBgCollapsed, ImVec4(0.55f, 0.4f, 0.1f, 0.9f));
    const bool open = ImGui::Begin(title.data(), nullptr, kDockedWindow);
    if (unread > 0) ImGui::PopStyleColor();
    if (open) {
        memory.state.chat_seen = received;
        if (ImGui::BeginChild("history", ImVec2(0.0f, em(10.0f)), false)) {
            for (const client::ChatLine& line : session.chat()) {
                ImGui::TextColored(colour_good(), "%s:", line.from.c_str());
                ImGui::SameLine();
                ImGui::TextWrapped("%s", line.text.c_str());
            }
            if (session.chat().empty()) ImGui::TextColored(colour_dim(), "No messages yet.");
            // Follow new lines to the bottom (once per new batch, so the pilot can scroll back).
            if (memory.chat_lines_drawn != received) {
                ImGui::SetScrollHereY(1.0f);
                memory.chat_lines_drawn = received;
            }
        }
        ImGui::EndChild();
        // The input takes focus only once Enter is up: at a few frames a second ImGui's key
        // repeat would otherwise carry the Enter that opened the chat into the new input line,
        // sending an empty line and closing it again.
        const bool enter_down = ImGui::IsKeyDown(client::key::kEnter) ||
                                ImGui::IsKeyDown(client::key::kKeypadEnter);
        if (memory.state.focus_chat && !enter_down) {
            ImGui::SetKeyboardFocusHere();
            memory.state.focus_chat = false;
        }
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::InputTextWithHint("##say", "Enter: type, Enter: send, Esc: leave",
                                     memory.chat_input.data(), memory.chat_input.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (memory.chat_input[0] != '\0' &&
                session.send_chat(memory.chat_input.data(), context.now_ms)) {
                memory.chat_input.fill('\0');
            }
        }
    }
    if (!open) memory.state.focus_chat = false;
    bottom_right.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
