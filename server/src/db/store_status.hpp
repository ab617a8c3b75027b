// Result of a database call made on behalf of a request.
#pragma once

namespace galaxy::server {

enum class StoreStatus {
    Ok,
    NotFound,
    Conflict,      // a unique constraint (username taken)
    Unavailable,   // the database cannot be reached or failed; the caller answers 503
};

}  // namespace galaxy::server
