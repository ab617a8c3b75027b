#include "net/ws_send_queue.hpp"

#include <utility>

namespace galaxy::server {

bool WsSendQueue::push(WsOutgoing message) {
    // The front message is the one being written; the bound applies to what waits behind it,
    // so a keyframe larger than the bound (a world of thousands of ships) neither is refused
    // nor makes the next update overflow while it is on the wire.
    const std::size_t size = message.size();
    const std::size_t waiting = messages_.empty() ? 0 : bytes_ - messages_.front().size();
    if (waiting > 0 && waiting + size > max_bytes_) return false;
    bytes_ += size;
    messages_.push_back(std::move(message));
    return true;
}

void WsSendQueue::drop(bool keep_front) {
    const std::size_t kept = keep_front && !messages_.empty() ? 1 : 0;
    messages_.resize(kept);
    bytes_ = kept == 1 ? messages_.front().size() : 0;
}

void WsSendQueue::pop() {
    bytes_ -= messages_.front().size();
    messages_.pop_front();
}

}  // namespace galaxy::server
