#include "db/persistence_queue.hpp"

#include <algorithm>
#include <utility>

#include "galaxy/proto/sync.hpp"

namespace galaxy::server {
namespace {

bool is_auto(const SnapshotData& snapshot) { return snapshot.kind == "auto"; }

}  // namespace

bool commands_present(const std::vector<std::uint8_t>& encoded) {
    static const std::vector<std::uint8_t> kNoCommands = proto::encode_commands({});
    return !encoded.empty() && encoded != kNoCommands;
}

PersistenceQueue::PersistenceQueue(std::size_t max_journal_backlog,
                                   std::size_t max_snapshot_backlog)
    : max_journal_backlog_(max_journal_backlog),
      max_snapshot_backlog_(std::max<std::size_t>(1, max_snapshot_backlog)) {}

bool PersistenceQueue::accepting() const {
    return queued_command_rows_ + in_flight_command_rows_ < max_journal_backlog_;
}

void PersistenceQueue::push_journal(JournalEntry entry) {
    Item item;
    item.has_commands = commands_present(entry.commands);
    item.heartbeat = !item.has_commands && has_last_dt_ && entry.dt_s == last_dt_s_;
    has_last_dt_ = true;
    last_dt_s_ = entry.dt_s;
    newest_tick_ = entry.tick;

    if (item.heartbeat) {
        // The row appended before this one is the last journal item still queued (snapshots
        // may follow it); if it was taken for writing, only snapshots are left to skip.
        auto it = items_.rbegin();
        while (it != items_.rend() && std::holds_alternative<SnapshotData>(it->value)) ++it;
        if (it != items_.rend() && it->heartbeat) {
            items_.erase(std::next(it).base());
            --queued_rows_;
        }
    }
    item.value = std::move(entry);
    items_.push_back(std::move(item));
    ++queued_rows_;
    if (items_.back().has_commands) ++queued_command_rows_;
}

void PersistenceQueue::push_snapshot(SnapshotData snapshot) {
    const bool automatic = is_auto(snapshot);
    if (automatic && queued_auto_snapshots_ >= max_snapshot_backlog_) {
        const auto oldest = std::find_if(items_.begin(), items_.end(), [](const Item& item) {
            const auto* queued = std::get_if<SnapshotData>(&item.value);
            return queued != nullptr && is_auto(*queued);
        });
        items_.erase(oldest);
        --queued_snapshots_;
        --queued_auto_snapshots_;
    }
    Item item;
    item.value = std::move(snapshot);
    items_.push_back(std::move(item));
    ++queued_snapshots_;
    if (automatic) ++queued_auto_snapshots_;
}

bool PersistenceQueue::take_batch(std::size_t max_rows, PersistenceBatch* out) {
    out->journal.clear();
    out->snapshot.reset();
    if (items_.empty()) return false;
    if (auto* snapshot = std::get_if<SnapshotData>(&items_.front().value)) {
        if (is_auto(*snapshot)) --queued_auto_snapshots_;
        out->snapshot = std::move(*snapshot);
        items_.pop_front();
        --queued_snapshots_;
        snapshot_in_flight_ = true;
        return true;
    }
    while (!items_.empty() && out->journal.size() < std::max<std::size_t>(1, max_rows)) {
        Item& item = items_.front();
        auto* entry = std::get_if<JournalEntry>(&item.value);
        if (entry == nullptr) break;
        if (item.has_commands) {
            --queued_command_rows_;
            ++in_flight_command_rows_;
        }
        out->journal.push_back(std::move(*entry));
        items_.pop_front();
    }
    queued_rows_ -= out->journal.size();
    in_flight_rows_ += out->journal.size();
    return true;
}

void PersistenceQueue::finish_batch() {
    in_flight_rows_ = 0;
    in_flight_command_rows_ = 0;
    snapshot_in_flight_ = false;
}

}  // namespace galaxy::server
