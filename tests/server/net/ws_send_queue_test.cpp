// The bounded send queue of a WebSocket session.
#include "net/ws_send_queue.hpp"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace galaxy::server {
namespace {

WsOutgoing text_of(std::size_t bytes) {
    return WsOutgoing{std::make_shared<const std::string>(bytes, 'x'), nullptr};
}

WsOutgoing frame_of(std::size_t bytes) {
    return WsOutgoing{nullptr, std::make_shared<const std::vector<std::uint8_t>>(bytes, 1)};
}

TEST(WsSendQueueTest, BoundsTheBytesWaitingBehindTheMessageBeingWritten) {
    WsSendQueue queue(100);
    EXPECT_TRUE(queue.push(text_of(40)));    // the front: being written
    EXPECT_TRUE(queue.push(frame_of(60)));
    EXPECT_TRUE(queue.push(text_of(40)));    // 100 bytes wait: at the bound
    EXPECT_EQ(queue.bytes(), 140u);
    EXPECT_EQ(queue.size(), 3u);
    EXPECT_FALSE(queue.push(text_of(1)));
    EXPECT_EQ(queue.size(), 3u);
    EXPECT_EQ(queue.bytes(), 140u);
}

TEST(WsSendQueueTest, KeepsOrderAndFreesBytesAsMessagesAreWritten) {
    WsSendQueue queue(100);
    ASSERT_TRUE(queue.push(text_of(30)));
    ASSERT_TRUE(queue.push(frame_of(70)));
    EXPECT_TRUE(queue.front().text);
    queue.pop();
    EXPECT_EQ(queue.bytes(), 70u);
    EXPECT_TRUE(queue.front().binary);
    EXPECT_TRUE(queue.push(text_of(30)));
    queue.pop();
    queue.pop();
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.bytes(), 0u);
}

TEST(WsSendQueueTest, MessageLargerThanTheBoundIsAcceptedWhenNothingWaits) {
    WsSendQueue queue(100);
    EXPECT_TRUE(queue.push(frame_of(500)));  // a keyframe bigger than the whole bound
    EXPECT_TRUE(queue.push(text_of(1)));     // updates may queue behind it while it is written
    EXPECT_FALSE(queue.push(text_of(100)));
    WsSendQueue behind(100);
    EXPECT_TRUE(behind.push(text_of(1)));
    EXPECT_TRUE(behind.push(frame_of(500)));  // nothing waited behind the front
    EXPECT_FALSE(behind.push(text_of(1)));
}

TEST(WsSendQueueTest, DropKeepsOnlyTheMessageBeingWritten) {
    WsSendQueue queue(100);
    ASSERT_TRUE(queue.push(text_of(10)));
    ASSERT_TRUE(queue.push(text_of(20)));
    ASSERT_TRUE(queue.push(text_of(30)));
    queue.drop(true);
    ASSERT_EQ(queue.size(), 1u);
    EXPECT_EQ(queue.front().size(), 10u);
    EXPECT_EQ(queue.bytes(), 10u);
    queue.drop(false);
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.bytes(), 0u);
    queue.drop(true);  // nothing to keep
    EXPECT_TRUE(queue.empty());
}

}  // namespace
}  // namespace galaxy::server
