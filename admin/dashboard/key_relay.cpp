#include "key_relay.hpp"

#include <GLFW/glfw3.h>

#include "backends/imgui_impl_glfw.h"

namespace galaxy::admin {

void KeyRelay::install(GLFWwindow* window) {
    window_ = window;
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, &KeyRelay::key_callback);
}

void KeyRelay::key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    KeyRelay* relay = static_cast<KeyRelay*>(glfwGetWindowUserPointer(window));
    const bool tracked = key >= 0 && key < static_cast<int>(relay->pressed_in_frame_.size());
    if (tracked) {
        std::uint64_t& pressed = relay->pressed_in_frame_[static_cast<std::size_t>(key)];
        if (action == GLFW_PRESS) pressed = relay->frames_done_ + 1;
        if (action == GLFW_RELEASE && pressed == relay->frames_done_ + 1) {
            relay->held_.push_back({key, scancode, mods});
            return;
        }
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void KeyRelay::end_frame() {
    ++frames_done_;
    for (const HeldRelease& release : held_) {
        ImGui_ImplGlfw_KeyCallback(window_, release.key, release.scancode, GLFW_RELEASE,
                                   release.mods);
    }
    held_.clear();
}

}  // namespace galaxy::admin
