// Hull meshes in metres, body frame (+Z forward, +Y up), as flat lists of lit triangles: the
// boxy CargoHauler (40 m long), the FastFrigate dart (24 m) and the station's ring and hub
// (88 m across, ring axis +Z).
#pragma once

#include <vector>

namespace galaxy::app::render {

struct MeshVertex {
    float position[3];   // m
    float normal[3];     // unit
};

void build_cargo_hauler(std::vector<MeshVertex>* out);
void build_fast_frigate(std::vector<MeshVertex>* out);
void build_station(std::vector<MeshVertex>* out);

}  // namespace galaxy::app::render
