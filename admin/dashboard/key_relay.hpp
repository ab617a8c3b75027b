// Keys from GLFW to ImGui with one fix: ImGui 1.86 reads key state once per frame, so a key
// pressed and released between two frames (a quick tap, or a test's keyboard.press('Enter'))
// would never be seen down. Such a release is held back until a frame has run.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

struct GLFWwindow;

namespace galaxy::admin {

// Sits between GLFW's key events and ImGui's GLFW backend.
class KeyRelay {
public:
    // Installs the relay as the window's key callback (after ImGui's GLFW backend installed its
    // callbacks); the relay must outlive the window.
    void install(GLFWwindow* window);
    // Call at the end of every frame: passes the held-back releases on.
    void end_frame();

private:
    struct HeldRelease {
        int key = 0;
        int scancode = 0;
        int mods = 0;
    };
    static void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods);

    GLFWwindow* window_ = nullptr;
    std::uint64_t frames_done_ = 0;
    std::array<std::uint64_t, 512> pressed_in_frame_{};  // by GLFW key code: frames_done_ + 1
    std::vector<HeldRelease> held_;
};

}  // namespace galaxy::admin
