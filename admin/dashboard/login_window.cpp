// The login form: username and password (Enter in either submits); the server's error, with
// its code, under it.
#include <string>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

void submit_login(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    if (model.login_pending) return;
    model.login_pending = true;
    model.login_error.clear();
    const nlohmann::json body = {{"username", std::string(model.login_username.data())},
                                 {"password", std::string(model.login_password.data())}};
    ctx.api.send("POST", kLoginPath, body, [ctx](const ApiResponse& response) mutable {
        DashboardModel& m = ctx.model;
        m.login_pending = false;
        if (response.ok()) {
            // JavaScript keeps the token; the dashboard only learns who is logged in.
            m.logged_in = true;
            m.username = string_field(response.json, "username", m.login_username.data());
            copy_text(&m.login_password, "");
        } else {
            m.login_error = response.error_text();
        }
        log_result(ctx, "log in", response, "logged in as " + m.username);
    });
}

}  // namespace

void draw_login_window(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    place_window(ctx.layout, ctx.layout.login);
    ImGui::Begin("Galaxy administration###login", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize);
    ImGui::TextUnformatted("Log in with an admin account.");
    ImGui::Spacing();
    if (model.focus_login) {
        ImGui::SetKeyboardFocusHere();
        model.focus_login = false;
    }
    const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
    bool submit = ImGui::InputText("Username", model.login_username.data(),
                                   model.login_username.size(), enter);
    record(ctx, "login.username");
    submit = ImGui::InputText("Password", model.login_password.data(), model.login_password.size(),
                              enter | ImGuiInputTextFlags_Password) ||
             submit;
    record(ctx, "login.password");
    ImGui::Spacing();
    submit = button(ctx, model.login_pending ? "Logging in...###submit" : "Log in###submit",
                    "login.submit") ||
             submit;
    if (submit) submit_login(ctx);
    if (!model.login_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colour_bad(), "%s", model.login_error.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace galaxy::admin
