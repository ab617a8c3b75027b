// The outgoing messages of one WebSocket session, bounded in bytes so that a client that does
// not read cannot make the server buffer without limit (it is disconnected instead, 4004).
// Not thread-safe: the session uses it on its strand only.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include "engine/engine_hooks.hpp"

namespace galaxy::server {

// One message: text (JSON) when text is set, else a binary sync frame.
struct WsOutgoing {
    std::shared_ptr<const std::string> text;
    Frame binary;
    std::size_t size() const { return text ? text->size() : binary->size(); }  // payload bytes
};

class WsSendQueue {
public:
    explicit WsSendQueue(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Appends a message; false, adding nothing, when the messages waiting behind the one being
    // written (the front) would exceed max_bytes. A message larger than the bound is accepted
    // when nothing waits, so a big keyframe reaches a client that keeps up.
    bool push(WsOutgoing message);
    // Drops the queued messages; keep_front keeps the first one (being written: its buffer is
    // in use until the write completes).
    void drop(bool keep_front);
    void pop();  // removes the first message (written)

    bool empty() const { return messages_.empty(); }
    const WsOutgoing& front() const { return messages_.front(); }
    std::size_t size() const { return messages_.size(); }
    std::size_t bytes() const { return bytes_; }  // payload bytes queued, the front included

private:
    std::size_t max_bytes_;
    std::deque<WsOutgoing> messages_;
    std::size_t bytes_ = 0;
};

}  // namespace galaxy::server
