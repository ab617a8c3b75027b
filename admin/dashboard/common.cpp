#include <cstdio>
#include <utility>

#include "windows.hpp"

namespace galaxy::admin {

ImVec4 colour_bad() { return {1.0f, 0.4f, 0.35f, 1.0f}; }
ImVec4 colour_good() { return {0.45f, 0.9f, 0.5f, 1.0f}; }
ImVec4 colour_dim() { return {0.62f, 0.68f, 0.75f, 1.0f}; }

void place_window(const Layout& layout, const WindowRect& rect) {
    ImGui::SetNextWindowPos(rect.pos, layout.cond);
    ImGui::SetNextWindowSize(rect.size, layout.cond);
}

bool button(DashboardContext& ctx, const char* label, const std::string& key) {
    const bool pressed = ImGui::Button(label);
    ctx.widgets.record_last_item(key);
    return pressed;
}

void record(DashboardContext& ctx, const std::string& key) { ctx.widgets.record_last_item(key); }

void run_action(DashboardContext& ctx, const std::string& action, const std::string& method,
                const std::string& path, const nlohmann::json& body,
                std::function<std::string(DashboardContext&, const ApiResponse&)> describe) {
    ctx.api.send(
        method, path, body,
        [ctx, action, describe = std::move(describe)](const ApiResponse& response) mutable {
            const std::string text =
                response.ok() && describe ? describe(ctx, response) : std::string("done");
            log_result(ctx, action, response, text);
        });
}

void log_result(DashboardContext& ctx, const std::string& action, const ApiResponse& response,
                const std::string& success_text) {
    ActionResult result;
    // The context is the request's: the entry's time is when the action was taken.
    result.at_ms = ctx.now_ms;
    result.action = action;
    result.ok = response.ok();
    result.status = response.status;
    result.answer = response.json.is_discarded() ? nlohmann::json() : response.json;
    result.text = result.ok ? success_text : response.error_text();
    ctx.log.add(std::move(result));
}

void ask_confirmation(DashboardContext& ctx, Confirmation confirmation) {
    ctx.model.confirmation = std::move(confirmation);
    ctx.model.confirmation_opened = false;
    copy_text(&ctx.model.confirm_password, "");
}

std::string format_bytes(double bytes) {
    char text[32];
    if (bytes >= 1.0e9) {
        std::snprintf(text, sizeof text, "%.2f GB", bytes / 1.0e9);
    } else if (bytes >= 1.0e6) {
        std::snprintf(text, sizeof text, "%.2f MB", bytes / 1.0e6);
    } else if (bytes >= 1.0e3) {
        std::snprintf(text, sizeof text, "%.1f kB", bytes / 1.0e3);
    } else {
        std::snprintf(text, sizeof text, "%.0f B", bytes);
    }
    return text;
}

std::string format_age(double seconds) {
    char text[32];
    if (seconds < 120.0) {
        std::snprintf(text, sizeof text, "%.0f s", seconds < 0.0 ? 0.0 : seconds);
    } else if (seconds < 7200.0) {
        std::snprintf(text, sizeof text, "%.0f min", seconds / 60.0);
    } else if (seconds < 172800.0) {
        std::snprintf(text, sizeof text, "%.0f h", seconds / 3600.0);
    } else {
        std::snprintf(text, sizeof text, "%.0f d", seconds / 86400.0);
    }
    return text;
}

}  // namespace galaxy::admin
