// SCAFFOLD (replaced by the flight input).
#include "input/flight_input.hpp"
namespace galaxy::app {
void FlightInput::update(InputContext&) {}
}  // namespace galaxy::app
