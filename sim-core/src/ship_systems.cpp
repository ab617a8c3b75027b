// Attitude control and propulsion.
//
// Attitude: Euler's rigid-body equations with reaction wheels,
//     I dw/dt = tau_wheel + tau_rcs - w x (I w + h_wheel),   dh_wheel/dt = -tau_wheel,
// integrated with semi-implicit Euler steps of at most kAttitudeStep_s (the rate loop's time
// constant is 5x longer, so the loop is well damped), and the attitude quaternion advanced by
// the exact rotation exp(w dt / 2) so it stays a rotation.
//
// Autopilot: the error rotation to the goal (axis u, angle theta) sets a demanded body rate
// u * min(max_rate, sqrt(2 alpha theta), theta / kPointingTimeConstant_s): the square-root
// branch brakes at half the available angular acceleration alpha so it stops without
// overshoot, the linear branch settles smoothly near zero. The rate loop turns the rate error
// into torque; the wheels supply it within their torque and momentum limits, RCS supplies what
// the wheels cannot (saturation or torque beyond theirs) and spends fuel for it.
//
// Engine: over each step the velocity change is the rocket equation's Isp g0 ln(m0 / m1), so a
// burn's total delta-v equals Tsiolkovsky's up to rounding, however long the steps are.
#include "ship_systems.hpp"

#include <algorithm>
#include <cmath>

#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {

namespace {

struct AttitudeGoal {
    bool rate_only = false;   // MANUAL, or a mode with nothing to point at: hold rates only
    Vec3 rates_rad_s;         // demanded body rates when rate_only
    Vec3 error_rad;           // body-frame rotation vector from current attitude to the goal
};

// Rotation vector (body frame) that turns body +Z onto the body-frame unit direction d.
Vec3 pointing_error(Vec3 d) {
    const Vec3 axis{-d.y, d.x, 0.0};   // +Z x d
    const double s = norm(axis);
    const double theta = dm::atan2(s, d.z);
    if (s < 1e-15) return d.z >= 0.0 ? Vec3{} : Vec3{theta, 0.0, 0.0};
    return axis * (theta / s);
}

// Rotation vector (body frame) from attitude q to attitude goal.
Vec3 hold_error(Quat q, Quat goal) {
    Quat e = conjugate(q) * goal;
    if (e.w < 0.0) e = Quat{-e.w, -e.x, -e.y, -e.z};   // the shorter way round
    const Vec3 v{e.x, e.y, e.z};
    const double s = norm(v);
    if (s < 1e-300) return Vec3{};
    return v * (2.0 * dm::atan2(s, e.w) / s);
}

AttitudeGoal attitude_goal(const Ship& ship, const ShipSurroundings& around, Vec3 r, Vec3 v) {
    AttitudeGoal goal;
    const AttitudeMode mode = ship.controls.mode;
    if (mode == AttitudeMode::Manual) {
        goal.rate_only = true;
        goal.rates_rad_s = ship.controls.manual_rates_rad_s;
        return goal;
    }
    if (mode == AttitudeMode::Hold) {
        goal.error_rad = hold_error(ship.attitude, ship.hold_attitude);
        return goal;
    }
    const Vec3 d = mode_direction(mode, r, v, around, ship.position_m);
    if (norm_squared(d) == 0.0) {
        goal.rate_only = true;   // nothing to point at: just stop rotating
        return goal;
    }
    goal.error_rad = pointing_error(rotate_inverse(ship.attitude, d));
    return goal;
}

double clamp_abs(double x, double limit) { return std::max(-limit, std::min(limit, x)); }

struct Torques {
    Vec3 wheel;    // torque the wheels put on the body
    Vec3 rcs;      // torque the RCS puts on the body
};

// Splits a demanded torque between wheels (first) and RCS, within their limits.
Torques allocate_torque(const Ship& ship, const ShipClassDef& def, Vec3 demand, double dt) {
    Torques t;
    const double cap = def.wheel_capacity_nms;
    const double* want = &demand.x;
    const double* stored = &ship.wheel_momentum_nms.x;
    double* wheel = &t.wheel.x;
    double* rcs = &t.rcs.x;
    const bool has_fuel = ship.fuel_kg > 0.0;
    for (int k = 0; k < 3; ++k) {
        double w = clamp_abs(want[k], def.max_wheel_torque_nm);
        // The wheel's momentum moves by -w dt; keep it within capacity.
        const double after = stored[k] - w * dt;
        if (after > cap) w = (stored[k] - cap) / dt;
        if (after < -cap) w = (stored[k] + cap) / dt;
        wheel[k] = w;
        const double rest = want[k] - w;
        // A small deadband keeps RCS from chattering on rounding-level residuals.
        rcs[k] = has_fuel && std::fabs(rest) > 0.01 * def.max_rcs_torque_nm
                     ? clamp_abs(rest, def.max_rcs_torque_nm)
                     : 0.0;
    }
    return t;
}

bool at_rest(const Ship& ship) {
    const Vec3 zero{};
    const AttitudeMode mode = ship.controls.mode;
    if (ship.angular_velocity_rad_s != zero) return false;
    if (mode == AttitudeMode::Hold) return ship.attitude == ship.hold_attitude;
    return mode == AttitudeMode::Manual && ship.controls.manual_rates_rad_s == zero;
}

// One attitude step of dt seconds; returns the RCS activity 0..1.
double step_attitude(Ship& ship, const ShipClassDef& def, const ShipSurroundings& around, Vec3 r,
                     Vec3 v, double dt) {
    const Vec3 inertia = ship_inertia_kgm2(ship);
    const Vec3 w = ship.angular_velocity_rad_s;
    const AttitudeGoal goal = attitude_goal(ship, around, r, v);
    Vec3 w_goal = goal.rates_rad_s;
    if (!goal.rate_only) {
        const double theta = norm(goal.error_rad);
        if (ship.controls.mode == AttitudeMode::Hold && theta < kRestAngle_rad &&
            norm(w) < kRestRate_rad_s) {
            // Settled: snap exactly onto the goal so the ship is at rest and costs nothing.
            ship.attitude = ship.hold_attitude;
            ship.angular_velocity_rad_s = Vec3{};
            return 0.0;
        }
        const double wheel_only = def.max_wheel_torque_nm;
        const double total = wheel_only + (ship.fuel_kg > 0.0 ? def.max_rcs_torque_nm : 0.0);
        const double i_max = std::max(inertia.x, std::max(inertia.y, inertia.z));
        const double alpha = 0.5 * total / i_max;
        double speed = std::min(def.max_rate_rad_s, theta / kPointingTimeConstant_s);
        speed = std::min(speed, std::sqrt(2.0 * alpha * theta));
        w_goal = theta > 0.0 ? goal.error_rad * (speed / theta) : Vec3{};
    }
    const Vec3 momentum = hadamard(inertia, w) + ship.wheel_momentum_nms;
    const Vec3 gyro = cross(w, momentum);
    const Vec3 demand = hadamard(inertia, w_goal - w) / kRateTimeConstant_s + gyro;
    const Torques t = allocate_torque(ship, def, demand, dt);

    // RCS fuel: each axis at full torque burns rcs_fuel_rate; scale down if the tanks run dry.
    const double use = (std::fabs(t.rcs.x) + std::fabs(t.rcs.y) + std::fabs(t.rcs.z)) /
                       def.max_rcs_torque_nm;
    double rcs_scale = 1.0;
    if (use > 0.0) {
        const double want = def.rcs_fuel_rate_kg_s * use * dt;
        if (want > ship.fuel_kg) rcs_scale = ship.fuel_kg / want;
        ship.fuel_kg -= std::min(want, ship.fuel_kg);
    }
    const Vec3 rcs = t.rcs * rcs_scale;
    ship.wheel_momentum_nms -= t.wheel * dt;
    const Vec3 dw = (t.wheel + rcs - gyro);
    ship.angular_velocity_rad_s = w + Vec3{dw.x / inertia.x, dw.y / inertia.y, dw.z / inertia.z} * dt;

    const Vec3 wn = ship.angular_velocity_rad_s;
    const double rate = norm(wn);
    if (rate > 0.0) {
        double s = 0.0, c = 1.0;
        dm::sincos(0.5 * rate * dt, &s, &c);
        const double k = s / rate;
        ship.attitude = normalized(ship.attitude * Quat{c, wn.x * k, wn.y * k, wn.z * k});
    }
    const double activity = std::max(std::fabs(rcs.x), std::max(std::fabs(rcs.y), std::fabs(rcs.z)));
    return activity / def.max_rcs_torque_nm;
}

// Main engine and RCS translation over dt with the current attitude; returns ICRF delta-v.
Vec3 step_propulsion(Ship& ship, const ShipClassDef& def, double dt, double* burned_kg) {
    Vec3 dv;
    const double throttle = ship.controls.throttle;
    if (throttle > 0.0 && ship.fuel_kg > 0.0) {
        const double exhaust = def.isp_s * kStandardGravity_m_s2;
        const double flow = throttle * def.max_thrust_n / exhaust;
        const double burn = std::min(flow * dt, ship.fuel_kg);
        const double m0 = ship_mass_kg(ship);
        ship.fuel_kg -= burn;
        *burned_kg += burn;
        dv += rotate(ship.attitude, Vec3{0.0, 0.0, 1.0}) * (exhaust * dm::log(m0 / ship_mass_kg(ship)));
    }
    const Vec3 c = ship.controls.rcs_translation;
    const double use = std::fabs(c.x) + std::fabs(c.y) + std::fabs(c.z);
    if (use > 0.0 && ship.fuel_kg > 0.0) {
        const double want = def.rcs_fuel_rate_kg_s * use * dt;
        const double burn = std::min(want, ship.fuel_kg);
        const double m0 = ship_mass_kg(ship);
        ship.fuel_kg -= burn;
        const double mid_mass = m0 - 0.5 * burn;
        const Vec3 force = c * (def.max_rcs_force_n * (burn / want));
        dv += rotate(ship.attitude, force) * (dt / mid_mass);
    }
    return dv;
}

}  // namespace

Vec3 mode_direction(AttitudeMode mode, Vec3 r, Vec3 v, const ShipSurroundings& around,
                    Vec3 ship_position_m) {
    const Vec3 h = cross(r, v);
    switch (mode) {
        case AttitudeMode::Prograde: return normalized(v);
        case AttitudeMode::Retrograde: return -normalized(v);
        case AttitudeMode::Normal: return normalized(h);
        case AttitudeMode::AntiNormal: return -normalized(h);
        case AttitudeMode::RadialOut: return normalized(cross(v, h));
        case AttitudeMode::RadialIn: return -normalized(cross(v, h));
        case AttitudeMode::Target:
            return around.has_target ? normalized(around.target_position_m - ship_position_m) : Vec3{};
        case AttitudeMode::AntiTarget:
            return around.has_target ? -normalized(around.target_position_m - ship_position_m) : Vec3{};
        case AttitudeMode::Hold:
        case AttitudeMode::Manual: break;
    }
    return Vec3{};
}

Vec3 advance_ship_systems(Ship& ship, const ShipSurroundings& around, double dt_s) {
    const ShipClassDef& def = ship_class_def(ship.ship_class);
    double burned = 0.0;
    Vec3 dv;
    if (at_rest(ship)) {
        // Attitude is constant, so one exact rocket-equation step covers the whole substep.
        dv = step_propulsion(ship, def, dt_s, &burned);
        ship.rcs_activity = 0.0;
    } else {
        const double steps_real = std::ceil(dt_s / kAttitudeStep_s);
        const int steps = std::max(1, static_cast<int>(steps_real));
        const double h = dt_s / steps;
        // The autopilot's goal directions follow a two-body extrapolation of the ship's motion
        // relative to its reference body across the substep (the integrator moves it later).
        const Vec3 r0 = ship.position_m - around.reference_position_m;
        const Vec3 v0 = ship.velocity_m_s - around.reference_velocity_m_s;
        const double r0_2 = norm_squared(r0);
        const Vec3 g = r0_2 > 0.0 ? r0 * (-around.reference_gm_m3_s2 / (r0_2 * std::sqrt(r0_2))) : Vec3{};
        double activity = 0.0;
        for (int k = 0; k < steps; ++k) {
            const double t = h * k;
            const Vec3 r = r0 + v0 * t + g * (0.5 * t * t);
            const Vec3 v = v0 + g * t;
            dv += step_propulsion(ship, def, h, &burned);
            activity = step_attitude(ship, def, around, r, v, h);
        }
        ship.rcs_activity = activity;
    }
    const double cap = def.wheel_capacity_nms;
    const Vec3 m = ship.wheel_momentum_nms;
    ship.wheel_saturation =
        std::min(1.0, std::max(std::fabs(m.x), std::max(std::fabs(m.y), std::fabs(m.z))) / cap);
    ship.thrust_n = burned * def.isp_s * kStandardGravity_m_s2 / dt_s;
    return dv;
}

}  // namespace galaxy::sim
