// The persistence queue's rules, without a database: submission order, heartbeat merging,
// snapshot backlog (of "auto" snapshots only), back-pressure counting and batching.
#include <gtest/gtest.h>

#include "db/persistence_queue.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/scenario.hpp"

namespace galaxy::server {
namespace {

JournalEntry row(std::uint64_t tick, double dt_s, bool with_commands) {
    JournalEntry entry;
    entry.tick = tick;
    entry.dt_s = dt_s;
    std::vector<sim::Command> commands;
    if (with_commands) {
        commands.push_back(sim::spawn_in_orbit(0, 400e3, 0.0, sim::ShipClass::FastFrigate));
    }
    entry.commands = proto::encode_commands(commands);
    if (with_commands) entry.origins.push_back(CommandOrigin{7, static_cast<std::uint32_t>(tick)});
    return entry;
}

SnapshotData snapshot(std::uint64_t tick) {
    SnapshotData data;
    data.tick = tick;
    data.world = {1, 2, 3};
    return data;
}

// The ticks of every item left in the queue, in order (snapshots as 1000000 + tick).
std::vector<std::uint64_t> drain(PersistenceQueue& queue) {
    std::vector<std::uint64_t> ticks;
    PersistenceBatch batch;
    while (queue.take_batch(1000, &batch)) {
        if (batch.snapshot) ticks.push_back(1000000 + batch.snapshot->tick);
        for (const JournalEntry& entry : batch.journal) ticks.push_back(entry.tick);
        queue.finish_batch();
    }
    return ticks;
}

TEST(PersistenceQueueTest, EmptyCommandListsCountAsNoCommands) {
    EXPECT_FALSE(commands_present({}));
    EXPECT_FALSE(commands_present(proto::encode_commands({})));
    EXPECT_TRUE(commands_present(row(1, 1.0, true).commands));
}

TEST(PersistenceQueueTest, ItemsComeOutInSubmissionOrder) {
    PersistenceQueue queue(100, 2);
    queue.push_journal(row(1, 1.0, true));
    queue.push_journal(row(2, 1.0, true));
    queue.push_snapshot(snapshot(2));
    queue.push_journal(row(3, 1.0, true));
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1, 2, 1000002, 3}));
    EXPECT_TRUE(queue.empty());
}

TEST(PersistenceQueueTest, ConsecutiveHeartbeatsKeepOnlyTheNewest) {
    PersistenceQueue queue(100, 2);
    queue.push_journal(row(1, 1.0, true));
    for (std::uint64_t tick = 2; tick <= 50; ++tick) queue.push_journal(row(tick, 1.0, false));
    EXPECT_EQ(queue.journal_rows(), 2u);
    EXPECT_EQ(queue.newest_tick(), 50u);
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1, 50}));
}

TEST(PersistenceQueueTest, HeartbeatAfterADtChangeKeepsTheChangeRow) {
    PersistenceQueue queue(100, 2);
    queue.push_journal(row(1, 1.0, false));
    queue.push_journal(row(2, 2.0, false));   // dt changes: replay needs this row
    queue.push_journal(row(3, 2.0, false));   // heartbeat: must not replace tick 2
    queue.push_journal(row(4, 2.0, false));   // replaces tick 3
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1, 2, 4}));
}

TEST(PersistenceQueueTest, RowsWithCommandsAreNeverMerged) {
    PersistenceQueue queue(100, 2);
    queue.push_journal(row(1, 1.0, true));
    queue.push_journal(row(2, 1.0, true));
    queue.push_journal(row(3, 1.0, false));
    queue.push_journal(row(4, 1.0, true));
    queue.push_journal(row(5, 1.0, false));
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
}

TEST(PersistenceQueueTest, HeartbeatsMergeAcrossQueuedSnapshots) {
    PersistenceQueue queue(100, 1);
    queue.push_journal(row(1, 1.0, true));
    for (std::uint64_t tick = 2; tick <= 40; ++tick) {
        queue.push_journal(row(tick, 1.0, false));
        if (tick % 10 == 0) queue.push_snapshot(snapshot(tick));
    }
    // The newest heartbeat and the newest snapshot are left after the command row.
    EXPECT_EQ(queue.journal_rows(), 2u);
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1, 40, 1000040}));
}

TEST(PersistenceQueueTest, HeartbeatDoesNotReplaceARowAlreadyBeingWritten) {
    PersistenceQueue queue(100, 2);
    queue.push_journal(row(1, 1.0, true));
    queue.push_journal(row(2, 1.0, false));
    PersistenceBatch batch;
    ASSERT_TRUE(queue.take_batch(1000, &batch));
    ASSERT_EQ(batch.journal.size(), 2u);
    queue.push_journal(row(3, 1.0, false));
    EXPECT_EQ(queue.journal_rows(), 3u);   // ticks 1 and 2 in flight, tick 3 queued
    queue.finish_batch();
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{3}));
}

TEST(PersistenceQueueTest, SnapshotsBeyondTheBacklogReplaceTheOldestQueued) {
    PersistenceQueue queue(100, 2);
    queue.push_snapshot(snapshot(10));
    queue.push_journal(row(11, 1.0, true));
    queue.push_snapshot(snapshot(20));
    queue.push_snapshot(snapshot(30));
    EXPECT_EQ(queue.queued_snapshots(), 2u);
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{11, 1000020, 1000030}));
}

TEST(PersistenceQueueTest, ManualAndRestoreSnapshotsAreNeverReplaced) {
    PersistenceQueue queue(100, 1);
    SnapshotData manual = snapshot(10);
    manual.kind = "manual";
    queue.push_snapshot(manual);
    SnapshotData restore = snapshot(15);
    restore.kind = "restore";
    queue.push_snapshot(restore);
    // The backlog of 1 counts "auto" snapshots only: each newer auto one replaces the queued
    // auto one, never the manual or restore one before it.
    for (std::uint64_t tick = 20; tick <= 50; tick += 10) queue.push_snapshot(snapshot(tick));
    SnapshotData second_manual = snapshot(60);
    second_manual.kind = "manual";
    queue.push_snapshot(second_manual);
    EXPECT_EQ(queue.queued_snapshots(), 4u);
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1000010, 1000015, 1000050, 1000060}));
}

TEST(PersistenceQueueTest, AutoBacklogCountsOnlyAutoSnapshotsStillQueued) {
    PersistenceQueue queue(100, 2);
    queue.push_snapshot(snapshot(10));
    PersistenceBatch batch;
    ASSERT_TRUE(queue.take_batch(1000, &batch));   // tick 10 in flight: no longer queued
    queue.push_snapshot(snapshot(20));
    queue.push_snapshot(snapshot(30));
    queue.finish_batch();
    EXPECT_EQ(drain(queue), (std::vector<std::uint64_t>{1000020, 1000030}));
}

TEST(PersistenceQueueTest, AcceptingTurnsFalseAtTheBacklogOfRowsWithCommands) {
    PersistenceQueue queue(3, 2);
    queue.push_journal(row(1, 1.0, true));
    queue.push_journal(row(2, 1.0, true));
    for (std::uint64_t tick = 3; tick < 100; ++tick) queue.push_journal(row(tick, 1.0, false));
    EXPECT_TRUE(queue.accepting());   // heartbeats do not count
    queue.push_journal(row(100, 1.0, true));
    EXPECT_FALSE(queue.accepting());

    // Rows being written still count until they commit.
    PersistenceBatch batch;
    ASSERT_TRUE(queue.take_batch(1000, &batch));
    EXPECT_FALSE(queue.accepting());
    queue.finish_batch();
    EXPECT_TRUE(queue.accepting());
}

TEST(PersistenceQueueTest, BatchesHoldAtMostMaxRowsAndStopAtASnapshot) {
    PersistenceQueue queue(1000, 2);
    for (std::uint64_t tick = 1; tick <= 5; ++tick) queue.push_journal(row(tick, 1.0, true));
    queue.push_snapshot(snapshot(5));
    queue.push_journal(row(6, 1.0, true));

    PersistenceBatch batch;
    ASSERT_TRUE(queue.take_batch(3, &batch));
    EXPECT_EQ(batch.journal.size(), 3u);
    EXPECT_FALSE(batch.snapshot);
    queue.finish_batch();
    ASSERT_TRUE(queue.take_batch(3, &batch));
    EXPECT_EQ(batch.journal.size(), 2u);
    queue.finish_batch();
    ASSERT_TRUE(queue.take_batch(3, &batch));
    ASSERT_TRUE(batch.snapshot);
    EXPECT_TRUE(batch.journal.empty());
    EXPECT_FALSE(queue.empty());   // the snapshot is in flight
    queue.finish_batch();
    ASSERT_TRUE(queue.take_batch(3, &batch));
    EXPECT_EQ(batch.journal.size(), 1u);
    queue.finish_batch();
    EXPECT_FALSE(queue.take_batch(3, &batch));
    EXPECT_TRUE(queue.empty());
}

}  // namespace
}  // namespace galaxy::server
